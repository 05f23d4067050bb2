package dev.parley.runtime.engine;

/**
 * The audio of one committed utterance, kept so {@code conversation.item.retrieve} can return it.
 *
 * @param utterance   the input path's utterance number
 * @param wireAudio   the audio in the session's input wire format (as the client sent it)
 * @param format      that format
 * @param startMs     session-relative start
 * @param endMs       session-relative end
 * @param turnEndNanos {@link System#nanoTime()} when the turn end was decided (for response timing), 0 if manual
 * @param speechEndNanos {@link System#nanoTime()} estimate of when the user's voice stopped (the turn end minus the
 *                     trailing silence it waited for, on the audio clock), 0 when unknown; for
 *                     {@link ResponseTiming.Stage#SPEECH_END}
 */
public record CommittedAudio(long utterance, byte[] wireAudio, WireFormat format, long startMs, long endMs,
                             long turnEndNanos, long speechEndNanos) {

    /** Without a speech-end instant (manual commit, idle timeout). */
    public CommittedAudio(long utterance, byte[] wireAudio, WireFormat format, long startMs, long endMs,
                          long turnEndNanos) {
        this(utterance, wireAudio, format, startMs, endMs, turnEndNanos, 0);
    }
}
