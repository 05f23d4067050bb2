/**
 * Prometheus metrics through Micrometer: {@link dev.parley.runtime.metrics.ParleyMetrics} owns the registry and
 * opens one {@link dev.parley.runtime.metrics.SessionMetrics} per session, an observer of the conversation core's
 * typed events (nothing is woven into the engine). Served as {@code GET /metrics}.
 */
package dev.parley.runtime.metrics;
