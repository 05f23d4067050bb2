package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentReportTableTest {
    @Test
    void alignsColumnsAndMarksMissingFigures() {
        String table = ExperimentReportTable.format(List.of(
                new VariantSummary("ab-test", "A", 12, 40, 38, 412.04, 655.5, 3, 0, Map.of()),
                new VariantSummary("ab-test", "B-long-name", 1, 0, 0, Double.NaN, Double.NaN, 0, 2,
                        Map.of("tts_timeout", 2L))));
        assertEquals("""
                pipeline  variant      sessions  turns  ttfa p50 ms  ttfa p90 ms  barge-ins  barge-in rate  errors
                ab-test   A                  12     40        412.0        655.5          3          7.5 %       0
                ab-test   B-long-name         1      0            -            -          0              -       2
                """, table);
    }
}
