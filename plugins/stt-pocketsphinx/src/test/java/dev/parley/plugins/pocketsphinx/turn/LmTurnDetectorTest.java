package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.turn.TurnDetector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of the LM turn detector on edge cases and under concurrent callers. */
class LmTurnDetectorTest {
    @Test
    void edgeCasesAndCues() {
        try (TurnDetector d = new LmTurnDetectorProvider().create(new ComponentConfig(Map.of(), "test"))) {
            assertEquals(0.5, d.endOfTurnProbability(""));
            assertEquals(0.5, d.endOfTurnProbability(null));
            assertEquals(0.5, d.endOfTurnProbability("  ,  "));
            assertTrue(d.endOfTurnProbability("Turn off the lights.") > 0.9, "terminal punctuation");
            assertTrue(d.endOfTurnProbability("Turn off the lights,") < 0.3, "trailing comma");
            assertTrue(d.endOfTurnProbability("I want to go to the store um") < 0.1, "filler");
            assertTrue(d.endOfTurnProbability("YES") > 0.8, "short reply, any case");
            assertTrue(d.endOfTurnProbability("zxqv blorf") >= 0 && d.endOfTurnProbability("zxqv blorf") <= 1);
        }
    }

    @Test
    void concurrentCallersGetTheSameScoresAsASingleCaller() throws Exception {
        List<String> texts = List.of("what time is it", "what time is", "i would like to order a",
                "i would like to order a pizza", "thank you", "because");
        try (TurnDetector d = new LmTurnDetectorProvider().create(new ComponentConfig(Map.of(), "test"))) {
            List<Double> expected = texts.stream().map(d::endOfTurnProbability).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> jobs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    jobs.add(() -> {
                        for (int i = 0; i < 2_000; i++) {
                            int k = i % texts.size();
                            if (d.endOfTurnProbability(texts.get(k)) != expected.get(k)) {
                                return false;
                            }
                        }
                        return true;
                    });
                }
                for (Future<Boolean> f : pool.invokeAll(jobs)) {
                    assertTrue(f.get(), "a concurrent call returned a different score");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void missingLanguageModelIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new LmTurnDetectorProvider()
                .create(new ComponentConfig(Map.of("lm", "/nope/en.lm.bin"), "pipelines/x.yaml:9 stages.turn.config")));
        assertTrue(e.getMessage().contains("/nope/en.lm.bin") && e.getMessage().contains("pipelines/x.yaml:9"),
                e.getMessage());
    }
}
