package dev.parley.runtime.engine.response;

import dev.parley.api.context.CpuPriority;

/**
 * Which {@link CpuPriority} a clause's synthesis gets, from what the listener is waiting for. On a loaded machine
 * every session's synthesis and decoding share a few CPU threads; what a user notices is silence, so work that
 * ends a silence goes first:
 * <ul>
 *   <li>{@link CpuPriority#URGENT}: the clause the listener hears next while nothing of the response has been sent
 *       yet (the time to first audio is waiting on it);</li>
 *   <li>{@link CpuPriority#BACKGROUND}: any clause of a response whose audio is {@value #FAR_AHEAD_MS} ms or more
 *       ahead of playback (the client has that much to play), and look-ahead clauses behind the head;</li>
 *   <li>{@link CpuPriority#NORMAL}: the head clause of a response that is playing and not far ahead.</li>
 * </ul>
 * Playback is assumed to run in real time from the first delta sent (as a client plays it).
 */
final class SynthesisPriority {
    /** Audio ahead of playback from which a response yields: a second of sound is plenty to cover a step's wait. */
    static final long FAR_AHEAD_MS = 1000;

    private SynthesisPriority() {
    }

    /**
     * @param head      the clause is the next one the listener hears (its audio flows out as it comes)
     * @param sentMs    audio of the response sent so far
     * @param playedMs  how much of it the client has played (time since the first delta), ≤ {@code sentMs}
     */
    static CpuPriority of(boolean head, long sentMs, long playedMs) {
        if (sentMs == 0) {
            return head ? CpuPriority.URGENT : CpuPriority.BACKGROUND;
        }
        if (sentMs - Math.min(playedMs, sentMs) >= FAR_AHEAD_MS) {
            return CpuPriority.BACKGROUND;
        }
        return head ? CpuPriority.NORMAL : CpuPriority.BACKGROUND;
    }
}
