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
 */
public record CommittedAudio(long utterance, byte[] wireAudio, WireFormat format, long startMs, long endMs,
                             long turnEndNanos) {
}
