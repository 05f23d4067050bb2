package dev.parley.runtime.routing;

import dev.parley.runtime.realtime.SessionObserver;
import java.util.List;

/**
 * Where the session layer reports what happened to a session of a routed pipeline, tagged with the pipeline's
 * {@code name} and {@code variant} ({@link dev.parley.runtime.pipeline.Pipeline#name()} /
 * {@link dev.parley.runtime.pipeline.Pipeline#variant()}). Calls come from many session actors at once:
 * implementations are thread-safe and quick (no blocking I/O on the caller's thread beyond an append).
 * It is a {@link SessionObserver}, so {@link RoutedPipelineSelector#recorder()} goes straight to
 * {@code RealtimeServer.start(options, selector, engines, observer)}.
 */
public interface ExperimentRecorder extends SessionObserver {
    /** Records nothing; for pipelines without a router. */
    ExperimentRecorder NONE = new ExperimentRecorder() {
        @Override
        public void assigned(String sessionId, String pipeline, String variant, String reason) {
        }

        @Override
        public void turn(String pipeline, String variant, double ttfaMs) {
        }

        @Override
        public void bargeIn(String pipeline, String variant) {
        }

        @Override
        public void error(String pipeline, String variant, String code) {
        }
    };

    /** A session was routed to {@code variant} ({@code reason} as in {@link dev.parley.api.router.RouteDecision}). */
    void assigned(String sessionId, String pipeline, String variant, String reason);

    /**
     * A response was delivered.
     *
     * @param ttfaMs time to first audio: from the end of the user's turn to the first audio delta sent, in ms;
     *               {@link Double#NaN} when unknown (text-only or manually triggered response) — the turn is then
     *               counted but not timed
     */
    @Override
    void turn(String pipeline, String variant, double ttfaMs);

    /** The user spoke over a response and cut it off. */
    @Override
    void bargeIn(String pipeline, String variant);

    /** A response or transcription failed; {@code code} is the error code sent to the client. */
    @Override
    void error(String pipeline, String variant, String code);

    /** Reports every event to each of {@code recorders}, in order. */
    static ExperimentRecorder tee(ExperimentRecorder... recorders) {
        List<ExperimentRecorder> all = List.of(recorders);
        return new ExperimentRecorder() {
            @Override
            public void assigned(String sessionId, String pipeline, String variant, String reason) {
                all.forEach(r -> r.assigned(sessionId, pipeline, variant, reason));
            }

            @Override
            public void turn(String pipeline, String variant, double ttfaMs) {
                all.forEach(r -> r.turn(pipeline, variant, ttfaMs));
            }

            @Override
            public void bargeIn(String pipeline, String variant) {
                all.forEach(r -> r.bargeIn(pipeline, variant));
            }

            @Override
            public void error(String pipeline, String variant, String code) {
                all.forEach(r -> r.error(pipeline, variant, code));
            }
        };
    }
}
