package dev.parley.api.tts;

import dev.parley.api.audio.AudioChunk;

/** Receives one synthesis' audio, in order, from one thread at a time. */
public interface TtsListener {
    /** Next piece of audio at {@link TtsEngine#sampleRate()}. */
    void onAudio(AudioChunk chunk);

    /** All audio of the clause was delivered. */
    void onDone();

    /** Synthesis failed. */
    void onError(Throwable error);
}
