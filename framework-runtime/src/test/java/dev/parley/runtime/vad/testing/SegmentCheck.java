package dev.parley.runtime.vad.testing;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares detected segments with the known truth and reports boundary errors in ms. */
public final class SegmentCheck {
    /** Signed errors of one utterance: detected minus true, in ms. */
    public record BoundaryError(int onsetMs, int offsetMs) {
    }

    private SegmentCheck() {
    }

    /**
     * Asserts one detected segment per true one, each boundary within {@code toleranceMs}; prints the errors.
     *
     * @return the errors, in the order of {@code truth}
     */
    public static List<BoundaryError> assertBoundaries(String vad, VadScenes.Scene scene, VadRun.Result result,
                                                       int toleranceMs) {
        return assertBoundaries(vad, scene, result, toleranceMs, toleranceMs);
    }

    /** As above with separate bounds for onsets and offsets. */
    public static List<BoundaryError> assertBoundaries(String vad, VadScenes.Scene scene, VadRun.Result result,
                                                       int onsetToleranceMs, int offsetToleranceMs) {
        List<Segment> got = result.segments();
        List<BoundaryError> errors = new ArrayList<>();
        for (int i = 0; i < Math.min(got.size(), scene.truth().size()); i++) {
            Segment t = scene.truth().get(i);
            Segment d = got.get(i);
            errors.add(new BoundaryError(d.startMs() - t.startMs(), d.endMs() - t.endMs()));
        }
        System.out.printf("%-8s %-46s truth %s detected %s errors(onset,offset ms) %s%n", vad, scene.name(),
                scene.truth(), got, errors.stream().map(e -> "(" + e.onsetMs() + "," + e.offsetMs() + ")").toList());
        assertEquals(scene.truth().size(), got.size(),
                vad + " on " + scene.name() + ": expected segments " + scene.truth() + ", got " + got);
        for (int i = 0; i < errors.size(); i++) {
            BoundaryError e = errors.get(i);
            assertTrue(Math.abs(e.onsetMs()) <= onsetToleranceMs && Math.abs(e.offsetMs()) <= offsetToleranceMs,
                    vad + " on " + scene.name() + ": utterance " + (i + 1) + " detected " + got.get(i)
                            + " vs true " + scene.truth().get(i) + ", beyond ±" + onsetToleranceMs + " ms (onset) / ±"
                            + offsetToleranceMs + " ms (offset)");
        }
        return errors;
    }

    /** Asserts the track produced no onset at all; prints the highest probability seen. */
    public static void assertSilent(String vad, VadScenes.Scene scene, VadRun.Result result) {
        System.out.printf("%-8s %-46s max probability %.3f, segments %s%n", vad, scene.name(),
                result.maxProbability(), result.segments());
        assertTrue(result.segments().isEmpty(),
                vad + " triggered on " + scene.name() + " (no speech in it): " + result.segments());
    }
}
