package dev.parley.testing;

import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttStream;

import java.util.List;

/**
 * The body of every STT benchmark: each fixture through a fresh stream of {@code engine} in 40 ms chunks, as fast
 * as the stream takes them, timed from the first chunk to the final. Prints one row per file (audio seconds,
 * decode milliseconds, real-time factor); the caller prints the overall figure under its engine's name.
 *
 * @param audioSeconds  audio decoded, all files together
 * @param decodeSeconds time from first chunk to final, all files together
 */
public record RealTimeFactor(double audioSeconds, double decodeSeconds) {
    /** Decode time over audio time: below 1 is faster than real time. */
    public double overall() {
        return decodeSeconds / audioSeconds;
    }

    /** Measures and prints the table; each final must arrive within {@code finalTimeoutSeconds}. */
    public static RealTimeFactor measure(SttEngine engine, List<SpeechFixtures.Fixture> fixtures,
                                         long finalTimeoutSeconds) throws InterruptedException {
        double audio = 0;
        double spent = 0;
        System.out.printf("%-22s %8s %10s %8s%n", "file", "audio s", "decode ms", "RTF");
        for (SpeechFixtures.Fixture f : fixtures) {
            RecordingSttListener l = new RecordingSttListener();
            SttStream s = engine.open(l);
            long start = System.nanoTime();
            SttFeed.feed(s, f.samples(), 40);
            s.endUtterance();
            l.awaitFinal(finalTimeoutSeconds);
            double ms = (System.nanoTime() - start) / 1e6;
            s.cancel();
            System.out.printf("%-22s %8.2f %10.1f %8.3f%n", f.file(), f.seconds(), ms, ms / 1000 / f.seconds());
            audio += f.seconds();
            spent += ms / 1000;
        }
        return new RealTimeFactor(audio, spent);
    }
}
