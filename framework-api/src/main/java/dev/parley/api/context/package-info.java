/**
 * What the runtime hands every provider: {@link dev.parley.api.context.ComponentContext} with the Parley home, the
 * shared {@link dev.parley.api.context.CpuExecutor} (a fixed pool of platform threads with a priority queue; the
 * place for decoding, synthesis and in-process inference, so no component starts threads of its own for CPU or
 * native work), a {@link dev.parley.api.context.TaskScheduler} for timers and a
 * {@link dev.parley.api.context.ComponentMetrics} hook. Network waits stay on virtual threads: they compute
 * nothing and would hold a CPU thread for the length of a request.
 */
package dev.parley.api.context;
