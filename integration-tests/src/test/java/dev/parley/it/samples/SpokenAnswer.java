package dev.parley.it.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.it.RepoPaths;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.AudioInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a sample client's spoken turn must show: the question heard, an answer completed, and the answer WAV it
 * wrote really speaking the answer's words (transcribed back with Debian's pocketsphinx_continuous).
 */
public final class SpokenAnswer {
    static final ObjectMapper JSON = new ObjectMapper();

    private SpokenAnswer() {
    }

    /** The summary line the sample printed last. */
    static JsonNode summary(Commands.Result r) throws Exception {
        return JSON.readTree(r.lastLine());
    }

    static void assertTurn(String client, JsonNode summary, Path answerWav, String heardWord) throws Exception {
        System.out.println(client + ": " + summary);
        assertEquals("completed", summary.path("status").asText(), client + ": " + summary);
        assertTrue(summary.path("heard").asText().contains(heardWord), client + " heard: " + summary);
        assertTrue(summary.path("answer").asText().length() > 10, client + " answer: " + summary);
        assertTrue(summary.path("answerAudioMs").asLong() > 1000, client + " answer audio: " + summary);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(answerWav.toFile())) {
            assertEquals(24000f, in.getFormat().getSampleRate(), client + " answer WAV rate");
            assertEquals(summary.path("answerAudioMs").asLong(), in.getFrameLength() * 1000 / 24000, 1,
                    client + ": the WAV holds the audio received");
        }
        double overlap = spokenWordsOverlap(summary.path("answer").asText(), answerWav);
        System.out.printf("%s: %.0f %% of the answer's words recognised in the answer WAV%n", client, 100 * overlap);
        assertTrue(overlap >= 0.3, client + ": the answer WAV does not speak the answer (" + overlap + ")");
    }

    /** Share of the answer's distinct words that pocketsphinx finds in the WAV. */
    public static double spokenWordsOverlap(String answer, Path wav) throws Exception {
        Set<String> heard = words(recognise(wav));
        Set<String> said = words(answer);
        long found = said.stream().filter(heard::contains).count();
        return said.isEmpty() ? 0 : (double) found / said.size();
    }

    /** What pocketsphinx hears in the WAV (resampled to its 16 kHz). */
    public static String recognise(Path wav) throws Exception {
        Path dir = wav.toAbsolutePath().getParent();
        Path wav16 = dir.resolve(wav.getFileName() + ".16k.wav");
        Commands.run(dir, Map.of(), 60, List.of("sox", wav.toString(), "-r", "16000", wav16.toString()));
        return Commands.run(dir, Map.of(), 120, List.of("pocketsphinx_continuous", "-infile",
                wav16.toString(), "-logfn", "/dev/null")).stdout();
    }

    private static Set<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^a-z']+")).filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }

    /** A recorded question of testdata/speech. */
    static Path question(String name) {
        return RepoPaths.root().resolve("testdata/speech").resolve(name);
    }
}
