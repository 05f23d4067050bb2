package dev.parley.tck;

/**
 * The kit's timing bounds. They are deliberately generous: these are conformance checks that must hold on a
 * loaded two-core build machine, not benchmarks. A component that misses one is blocking, leaking or ignoring
 * cancellation, not merely slow.
 */
public final class TckBounds {
    /**
     * Longest a call that must not block may take: {@code accept}, {@code endUtterance}, {@code reset},
     * {@code cancel}, {@code synthesize}, {@code stream}. A queueing implementation needs well under a
     * millisecond; the bound leaves room for a first call's class loading on a loaded two-core machine (the
     * rule-based responder's first tool call measured 140 ms cold, 300 ms under load) while still catching a
     * component that does the request's work on the caller's thread (a whole synthesis, a whole answer). Time the
     * whole JVM was stalled (GC, safepoints) is not counted against the call.
     */
    public static final long NON_BLOCKING_CALL_MS = 500;

    /** How long the kit waits after {@code cancel()} or {@code reset()} returned for a callback that must not come. */
    public static final long QUIET_WINDOW_MS = 1_000;

    /** Longest wait for an answer a component owes (a final, {@code onDone}, {@code onComplete}, an error). */
    public static final long ANSWER_MS = 60_000;

    /** A VAD's onset and offset must be within this of the truth (the runtime's own VAD tests use ±100 ms). */
    public static final int VAD_BOUNDARY_MS = 200;

    /** Mean cost of one {@code endOfTurnProbability} call; the SPI asks for microseconds. */
    public static final double TURN_MEAN_CALL_MS = 1.0;

    private TckBounds() {
    }
}
