/**
 * OpenTelemetry traces of sessions: {@link dev.parley.runtime.tracing.OtlpTracing} builds the SDK and the OTLP
 * exporter only when tracing is configured, and opens one {@link dev.parley.runtime.tracing.SessionTrace} (an
 * observer of the core's events) per session: a trace per session, a span per turn, child spans per stage.
 */
package dev.parley.runtime.tracing;
