package dev.parley.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed speech fixtures under {@code testdata/speech} at the repository root (listed in
 * {@code transcripts.tsv}: file, tab, what was said), shared by every STT plugin's tests.
 */
public final class SpeechFixtures {
    /** One WAV and what was said in it. */
    public record Fixture(String file, String text, short[] samples) {
        public double seconds() {
            return samples.length / 16_000.0;
        }
    }

    private SpeechFixtures() {
    }

    public static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a directory holding .mvn/) above " + dir);
    }

    public static List<Fixture> all() {
        Path dir = repoRoot().resolve("testdata/speech");
        try {
            return Files.readAllLines(dir.resolve("transcripts.tsv")).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", 2))
                    .map(cols -> new Fixture(cols[0], cols[1], readPcm16(dir.resolve(cols[0]))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a 16 kHz mono PCM16 WAV; anything else is an error in the fixture. */
    public static short[] readPcm16(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleRate() != 16_000 || f.getChannels() != 1 || f.getSampleSizeInBits() != 16) {
                throw new IllegalStateException(wav + " is not 16 kHz mono PCM16: " + f);
            }
            byte[] bytes = in.readAllBytes();
            short[] s = new short[bytes.length / 2];
            boolean big = f.isBigEndian();
            for (int i = 0; i < s.length; i++) {
                int lo = bytes[2 * i + (big ? 1 : 0)] & 0xff;
                int hi = bytes[2 * i + (big ? 0 : 1)];
                s[i] = (short) ((hi << 8) | lo);
            }
            return s;
        } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IllegalStateException("cannot read " + wav + ": " + e.getMessage(), e);
        }
    }
}
