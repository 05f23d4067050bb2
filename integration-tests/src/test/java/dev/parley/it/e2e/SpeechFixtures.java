package dev.parley.it.e2e;

import dev.parley.it.RepoPaths;
import dev.parley.runtime.audio.StreamingResampler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The recorded questions in {@code testdata/speech} (16 kHz mono pcm16 WAV, with {@code transcripts.tsv}), turned
 * into what a Realtime client sends: raw pcm16 24 kHz mono, resampled by the runtime's {@link StreamingResampler}
 * (a windowed-sinc filter, not naive interpolation). Files go to {@code target/e2e-speech/NAME.pcm}.
 */
public final class SpeechFixtures {
    private static final Path DIR = RepoPaths.root().resolve("testdata/speech");

    private SpeechFixtures() {
    }

    /** What is said in {@code fixture} (e.g. {@code weather-slt.wav}), from transcripts.tsv. */
    public static String transcript(String fixture) throws IOException {
        Map<String, String> all = Files.readAllLines(DIR.resolve("transcripts.tsv")).stream()
                .filter(l -> l.contains("\t")).map(l -> l.split("\t", 2))
                .collect(Collectors.toMap(f -> f[0], f -> f[1].trim()));
        String text = all.get(fixture);
        if (text == null) {
            throw new IllegalArgumentException(fixture + " is not in " + DIR.resolve("transcripts.tsv"));
        }
        return text;
    }

    /** The fixture as a raw pcm16 24 kHz mono file (written once per build). */
    public static Path pcm24k(String fixture) throws Exception {
        Path out = Path.of("target/e2e-speech").toAbsolutePath().resolve(fixture.replace(".wav", ".pcm"));
        if (Files.isRegularFile(out)) {
            return out;
        }
        short[] at16k = readMono16k(DIR.resolve(fixture));
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
        return Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static short[] readMono16k(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleRate() != 16000 || f.getChannels() != 1 || f.getSampleSizeInBits() != 16
                    || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.isBigEndian()) {
                throw new IllegalStateException(wav + " is not 16 kHz mono pcm16 little-endian: " + f);
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            in.transferTo(raw);
            ByteBuffer b = ByteBuffer.wrap(raw.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[b.remaining() / 2];
            b.asShortBuffer().get(samples);
            return samples;
        }
    }
}
