package dev.parley.it.e2e;

import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.testing.SpeechFixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The recorded questions of {@code testdata/speech} ({@link SpeechFixtures}: 16 kHz mono pcm16 with
 * {@code transcripts.tsv}) as a Realtime client sends them: raw pcm16 24 kHz mono, resampled by the runtime's
 * {@link StreamingResampler} (a windowed-sinc filter, not naive interpolation), written once per build to
 * {@code target/e2e-speech/NAME.pcm} for the node scripts to stream.
 */
final class ClientSpeech {
    private ClientSpeech() {
    }

    /** What is said in {@code fixture} (e.g. {@code weather-slt.wav}), from transcripts.tsv. */
    static String transcript(String fixture) {
        return SpeechFixtures.all().stream().filter(f -> f.file().equals(fixture)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fixture + " is not in testdata/speech/transcripts.tsv"))
                .text();
    }

    /** The fixture as a raw pcm16 24 kHz mono file. */
    static Path pcm24k(String fixture) throws Exception {
        return pcm24k(fixture.replace(".wav", ".pcm"), readFixture(fixture));
    }

    /**
     * One long utterance: {@code first}, {@code gapMs} of silence (shorter than the turn's silence window), then
     * {@code second}, as one raw pcm16 24 kHz file (about 7 s from two fixtures, like issue 19's 7.2 s question).
     */
    static Path pcm24k(String first, int gapMs, String second) throws Exception {
        // The fixtures' own leading and trailing silences (~0.3-0.5 s each) would add up to a turn end.
        short[] a = trimmed(readFixture(first), false, true);
        short[] b = trimmed(readFixture(second), true, false);
        short[] joined = new short[a.length + 16 * gapMs + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length + 16 * gapMs, b.length);
        return pcm24k(first.replace(".wav", "") + "+" + second.replace(".wav", ".pcm"), joined);
    }

    /** Cuts silence (|sample| < 300) from the start and/or the end, keeping 50 ms of it. */
    private static short[] trimmed(short[] s, boolean start, boolean end) {
        int from = 0;
        int to = s.length;
        if (start) {
            while (from < s.length && Math.abs(s[from]) < 300) {
                from++;
            }
            from = Math.max(0, from - 800);
        }
        if (end) {
            while (to > from && Math.abs(s[to - 1]) < 300) {
                to--;
            }
            to = Math.min(s.length, to + 800);
        }
        return java.util.Arrays.copyOfRange(s, from, to);
    }

    private static short[] readFixture(String fixture) throws Exception {
        return SpeechFixtures.readPcm16(SpeechFixtures.repoRoot().resolve("testdata/speech").resolve(fixture));
    }

    private static Path pcm24k(String name, short[] at16k) throws Exception {
        Path out = Path.of("target/e2e-speech").toAbsolutePath().resolve(name);
        if (Files.isRegularFile(out)) {
            return out;
        }
        String fixture = name;
        StreamingResampler up = new StreamingResampler(16000, 24000);
        short[] body = up.process(at16k, 0, at16k.length);
        short[] tail = up.flush();
        ByteBuffer bytes = ByteBuffer.allocate(2 * (body.length + tail.length)).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : body) {
            bytes.putShort(s);
        }
        for (short s : tail) {
            bytes.putShort(s);
        }
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), fixture, ".tmp");
        Files.write(tmp, bytes.array());
        return Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
