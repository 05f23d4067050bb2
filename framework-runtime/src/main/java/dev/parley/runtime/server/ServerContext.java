package dev.parley.runtime.server;

import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.realtime.PipelineSelector;
import dev.parley.runtime.recording.Recordings;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.runtime.realtime.SessionTaps;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every connection of one server shares.
 *
 * @param options        listening options
 * @param selector       routes each new session to a pipeline
 * @param engines        opens each session's engine
 * @param keys           accepted API keys and minted ephemeral keys
 * @param setups         builds each session's starting configuration
 * @param carrier        runs session actors (virtual threads)
 * @param timers         bounded waits inside sessions, the drain's ticks, log summaries
 * @param observer       told of turns, barge-ins and failures
 * @param counters       refusals and cut connections
 * @param admission      live sessions, caps and drain state
 * @param throttle       per-address handshake rate and failed logins
 * @param failedLoginLog sampled log of refused logins
 * @param throttledLog   sampled log of 429 answers
 * @param drain          the graceful drain
 * @param metrics        Prometheus metrics; opens each session's metrics observer
 * @param info           version, pipelines and plugins for the status endpoint
 * @param taps           opens each session's telemetry observers: the metrics, plus traces when configured
 * @param recordings     session recording (or {@link Recordings#OFF})
 * @param calls          live WebRTC calls and their media ({@code /v1/realtime/calls})
 */
record ServerContext(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                     ApiKeyStore keys, SessionSetupFactory setups, ExecutorService carrier,
                     ScheduledExecutorService timers, SessionObserver observer, ServerCounters counters,
                     Admission admission, AddressThrottle throttle, SampledLog failedLoginLog,
                     SampledLog throttledLog, Drain drain, ParleyMetrics metrics, ServerInfo info,
                     SessionTaps taps, Recordings recordings, WebRtcCalls calls) {

    /** Every observer of one new session on any transport: telemetry taps, then its recording (if on). */
    dev.parley.runtime.realtime.SessionTap openTap(String transport, dev.parley.runtime.realtime.SessionIdentity identity,
                                                   dev.parley.runtime.pipeline.Pipeline pipeline,
                                                   java.util.Map<String, String> query) {
        return dev.parley.runtime.realtime.SessionTap.both(taps.open(transport, identity, pipeline),
                recordings.open(transport, identity, pipeline, query));
    }
}
