package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The telemetry bench's bootstrap interval of a percentile difference. */
class BootstrapDiffTest {
    static final List<Double> ONE_TO_200 = IntStream.rangeClosed(1, 200).mapToObj(i -> i / 100.0).toList();

    @Test
    void theSameSampleTwiceDiffersByNothingAndTheIntervalHoldsZero() {
        BootstrapDiff.Interval i = BootstrapDiff.of(ONE_TO_200, ONE_TO_200, 0.9, 7);
        assertEquals(0.0, i.diff());
        assertTrue(i.low() < 0 && i.high() > 0, i.toString());
    }

    @Test
    void aShiftedSampleDiffersByTheShiftAndTheIntervalExcludesZero() {
        List<Double> shifted = ONE_TO_200.stream().map(v -> v + 1.0).toList();
        BootstrapDiff.Interval i = BootstrapDiff.of(shifted, ONE_TO_200, 0.5, 7);
        assertEquals(1.0, i.diff(), 1e-9);
        assertTrue(i.low() > 0.5 && i.low() <= 1.0 && i.high() >= 1.0 && i.high() < 1.5, i.toString());
    }

    @Test
    void theP99OfFewTurnsHasAWideInterval() {
        List<Double> few = List.of(0.6, 0.6, 0.7, 0.8, 0.6, 4.9, 0.7, 0.6, 0.8, 0.6);
        List<Double> other = List.of(0.6, 0.7, 0.6, 0.8, 1.7, 0.6, 0.7, 0.6, 0.6, 0.8);
        BootstrapDiff.Interval i = BootstrapDiff.of(few, other, 0.99, 7);
        assertEquals(3.2, i.diff(), 1e-9);
        assertTrue(i.low() < 0 && i.high() >= 3.2, "one slow turn decides a p99 of ten: " + i);
    }

    @Test
    void anEmptySideHasNoFigure() {
        assertTrue(Double.isNaN(BootstrapDiff.of(List.of(), ONE_TO_200, 0.5, 1).diff()));
    }
}
