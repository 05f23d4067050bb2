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
        Path out = Path.of("target/e2e-speech").toAbsolutePath().resolve(fixture.replace(".wav", ".pcm"));
        if (Files.isRegularFile(out)) {
            return out;
        }
        short[] at16k = SpeechFixtures.readPcm16(SpeechFixtures.repoRoot().resolve("testdata/speech").resolve(fixture));
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
