package dev.parley.testing;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttStream;

import java.util.Arrays;

/** Feeds 16 kHz test audio to an {@link SttStream} in chunks, as the runtime does with network frames. */
public final class SttFeed {
    private SttFeed() {
    }

    /** Feeds {@code samples} (16 kHz) in chunks of {@code chunkMs}, as fast as the stream takes them. */
    public static void feed(SttStream stream, short[] samples, int chunkMs) {
        int step = 16 * chunkMs;
        for (int from = 0; from < samples.length; from += step) {
            stream.accept(new AudioChunk(Arrays.copyOfRange(samples, from, Math.min(samples.length, from + step)), 16_000));
        }
    }
}
