package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentJournalTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void writesOneJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("nested/voice-test.jsonl");
        try (ExperimentJournal j = new ExperimentJournal("voice-test", file, CLOCK)) {
            j.assigned("sess_1", "ab-test", "B", "cohort:user_prefix=qa-");
            j.turn("ab-test", "B", 412.34);
            j.turn("ab-test", "B", Double.NaN);
            j.bargeIn("ab-test", "B");
            j.error("ab-test", "B", "tts_timeout");
        }
        assertEquals(List.of(
                "{\"ts\":\"2025-05-01T08:00:00Z\",\"experiment\":\"voice-test\",\"event\":\"session\","
                        + "\"pipeline\":\"ab-test\",\"variant\":\"B\",\"session\":\"sess_1\","
                        + "\"reason\":\"cohort:user_prefix=qa-\"}",
                "{\"ts\":\"2025-05-01T08:00:00Z\",\"experiment\":\"voice-test\",\"event\":\"turn\","
                        + "\"pipeline\":\"ab-test\",\"variant\":\"B\",\"ttfa_ms\":412.3}",
                "{\"ts\":\"2025-05-01T08:00:00Z\",\"experiment\":\"voice-test\",\"event\":\"turn\","
                        + "\"pipeline\":\"ab-test\",\"variant\":\"B\"}",
                "{\"ts\":\"2025-05-01T08:00:00Z\",\"experiment\":\"voice-test\",\"event\":\"barge_in\","
                        + "\"pipeline\":\"ab-test\",\"variant\":\"B\"}",
                "{\"ts\":\"2025-05-01T08:00:00Z\",\"experiment\":\"voice-test\",\"event\":\"error\","
                        + "\"pipeline\":\"ab-test\",\"variant\":\"B\",\"code\":\"tts_timeout\"}"),
                Files.readAllLines(file));
    }

    @Test
    void replayGivesTheSameTotalsAsLiveRecordingAndSkipsBrokenLines() throws Exception {
        Path file = dir.resolve("voice-test.jsonl");
        ExperimentMetrics live = new ExperimentMetrics();
        // two server runs append to the same journal
        for (int run = 0; run < 2; run++) {
            try (ExperimentJournal j = ExperimentJournal.inDirectory(dir, "voice-test")) {
                ExperimentRecorder both = ExperimentRecorder.tee(j, live);
                for (int i = 0; i < 50; i++) {
                    String v = i % 2 == 0 ? "A" : "B";
                    both.assigned("sess_" + run + "_" + i, "ab-test", v, "weighted");
                    both.turn("ab-test", v, 300 + i * 7.5);
                    if (i % 10 == 0) {
                        both.bargeIn("ab-test", v);
                    }
                }
                both.error("ab-test", "A", "llm_timeout");
            }
        }
        try (ExperimentJournal j = ExperimentJournal.inDirectory(dir, "voice-test")) {
            ExperimentRecorder.tee(j, live).turn("ab-test", null, 500); // base pipeline after a router failure
        }
        Files.writeString(file, "{\"event\":\"turn\",\"pipeline\":\"ab-test\",\"variant\":\"A\",\"ttfa_m\n"
                + "not json\n{\"event\":\"teleport\",\"pipeline\":\"ab-test\",\"variant\":\"A\"}\n",
                StandardOpenOption.APPEND);

        ExperimentMetrics replayed = new ExperimentMetrics();
        JournalReader.Result r = JournalReader.replay(file, replayed);
        assertEquals(2 * (50 * 2 + 5 + 1) + 1, r.events());
        assertEquals(3, r.skipped());
        assertEquals(java.util.Set.of("voice-test"), r.experiments());
        List<VariantSummary> a = live.summaries();
        List<VariantSummary> b = replayed.summaries();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).turns(), b.get(i).turns());
            assertEquals(a.get(i).sessions(), b.get(i).sessions());
            assertEquals(a.get(i).bargeIns(), b.get(i).bargeIns());
            assertEquals(a.get(i).errorsByCode(), b.get(i).errorsByCode());
            assertEquals(a.get(i).ttfaP50Ms(), b.get(i).ttfaP50Ms(), 0.5);
            assertEquals(a.get(i).ttfaP90Ms(), b.get(i).ttfaP90Ms(), 0.5);
        }
        assertTrue(b.get(1).ttfaP90Ms() > b.get(1).ttfaP50Ms());
        assertEquals(List.of("-", "A", "B"), b.stream().map(VariantSummary::variant).toList());
    }
}
