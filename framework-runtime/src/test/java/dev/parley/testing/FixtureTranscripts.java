package dev.parley.testing;

import dev.parley.testkit.WordErrorRate;

import dev.parley.api.stt.SttStream;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop of every STT accuracy test: each speech fixture through one stream, utterance after utterance, with
 * the word error rate printed per file. Asserts that each final was preceded by at least one partial; the bounds
 * on the error rates are the caller's, since they differ per engine.
 */
public final class FixtureTranscripts {
    /** One fixture's outcome. */
    public record Result(SpeechFixtures.Fixture fixture, String hypothesis, double wer) {
    }

    /** How a test pushes one fixture's samples into the stream (chunk size, pacing). */
    @FunctionalInterface
    public interface Feed {
        void feed(SttStream stream, short[] samples) throws InterruptedException;
    }

    private FixtureTranscripts() {
    }

    /**
     * Feeds every fixture with {@code feed} (stream, samples), ends the utterance and waits up to
     * {@code finalTimeoutSeconds} for its final on {@code listener}, which must be the stream's listener.
     */
    public static List<Result> transcribe(SttStream stream, RecordingSttListener listener,
                                          Feed feed, long finalTimeoutSeconds)
            throws InterruptedException {
        List<Result> results = new ArrayList<>();
        System.out.printf("%-22s %6s  %-48s %s%n", "file", "WER", "reference", "hypothesis");
        for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
            int partialsBefore = listener.partials.size();
            feed.feed(stream, f.samples());
            stream.endUtterance();
            String hyp = listener.awaitFinal(finalTimeoutSeconds);
            double wer = WordErrorRate.of(f.text(), hyp);
            System.out.printf("%-22s %6.3f  %-48s %s%n", f.file(), wer, f.text(), hyp);
            assertTrue(listener.partials.size() > partialsBefore, f.file() + ": no partial before its final");
            results.add(new Result(f, hyp, wer));
        }
        return results;
    }

    /** The mean word error rate of {@code results}. */
    public static double meanWer(List<Result> results) {
        return results.stream().mapToDouble(Result::wer).average().orElseThrow();
    }
}
