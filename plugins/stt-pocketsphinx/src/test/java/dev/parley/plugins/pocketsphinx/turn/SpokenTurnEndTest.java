package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.api.turn.TurnDetector;
import dev.parley.plugins.pocketsphinx.PocketsphinxSttProvider;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Semantic turn detection on real speech: each fixture is recognised whole and cut off mid-sentence (at 60 % of
 * its length), and the detector scores both transcripts. A whole sentence should score higher than its cut.
 */
class SpokenTurnEndTest {
    @Test
    void wholeSpokenSentencesScoreAboveTheirCutOffs() throws Exception {
        Path dir = root().resolve("testdata/speech");
        List<String[]> rows = Files.readAllLines(dir.resolve("transcripts.tsv")).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        int ordered = 0;
        try (SttEngine stt = new PocketsphinxSttProvider().create(new ComponentConfig(Map.of(), "test"));
             TurnDetector turn = new LmTurnDetectorProvider().create(new ComponentConfig(Map.of(), "test"))) {
            System.out.printf("%-20s %5s %-46s %5s %s%n", "file", "p", "whole", "p", "cut at 60%");
            for (String[] row : rows) {
                short[] pcm = read(dir.resolve(row[0]));
                String whole = recognise(stt, pcm);
                String cut = recognise(stt, Arrays.copyOf(pcm, pcm.length * 6 / 10));
                double pw = turn.endOfTurnProbability(whole);
                double pc = turn.endOfTurnProbability(cut);
                ordered += pw > pc ? 1 : 0;
                System.out.printf("%-20s %5.2f %-46s %5.2f %s%n", row[0], pw, whole, pc, cut);
            }
        }
        System.out.printf("whole above cut: %d of %d%n", ordered, rows.size());
        assertTrue(ordered >= rows.size() - 2, ordered + " of " + rows.size());
    }

    private static String recognise(SttEngine stt, short[] pcm) throws InterruptedException {
        LinkedBlockingQueue<String> finals = new LinkedBlockingQueue<>();
        SttStream s = stt.open(new SttListener() {
            @Override
            public void onPartial(String text) {
            }

            @Override
            public void onFinal(String text) {
                finals.add(text);
            }

            @Override
            public void onError(Throwable error) {
                finals.add("<error " + error + ">");
            }
        });
        for (int i = 0; i < pcm.length; i += 640) {
            s.accept(new AudioChunk(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 640)), 16_000));
        }
        s.endUtterance();
        String text = finals.poll(30, TimeUnit.SECONDS);
        s.cancel();
        assertNotNull(text, "no final");
        return text;
    }

    private static short[] read(Path wav) throws Exception {
        try (var in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
            }
            return s;
        }
    }

    private static Path root() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
    }
}
