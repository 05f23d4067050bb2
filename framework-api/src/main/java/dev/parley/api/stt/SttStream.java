package dev.parley.api.stt;

import dev.parley.api.Cancellable;
import dev.parley.api.audio.AudioChunk;

/**
 * One session's recognition. The runtime feeds the audio of one utterance at a time (while the VAD says speech
 * is on, plus the prefix padding), then calls {@link #endUtterance()}; the stream answers with
 * {@link SttListener#onFinal} and is ready for the next utterance. Calls come from one thread at a time and must
 * not block for long: decode on a worker if decoding is slow.
 */
public interface SttStream extends Cancellable {
    /** Audio at {@link SttEngine#sampleRate()}. May trigger {@link SttListener#onPartial}. */
    void accept(AudioChunk chunk);

    /** The utterance is over: deliver its final text (possibly empty) through {@link SttListener#onFinal}. */
    void endUtterance();

    /** Drops the current utterance without a final. The stream stays usable. */
    void reset();

    /** Stops all work for good; no callbacks after it returns. */
    @Override
    void cancel();
}
