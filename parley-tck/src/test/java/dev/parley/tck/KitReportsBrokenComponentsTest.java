package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.LlmProvider;
import dev.parley.api.router.RouterProvider;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.turn.TurnDetectorProvider;
import dev.parley.api.vad.VadProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The kit's proof: each suite, run through the JUnit Platform on deliberately broken doubles, reports exactly
 * the contract they break, and passes well-behaved doubles. The suite subclasses are nested (so surefire does
 * not run them directly; only these tests do).
 */
class KitReportsBrokenComponentsTest {
    @ExtendWith(SelfTestOnly.class)
    static final class WellBehavedSttSuite extends SttTck {
        @Override
        protected SttProvider provider() {
            return new SttDoubles.WellBehaved();
        }

        @Override
        protected Optional<String> wordRecognisedInSpeech() {
            return Optional.of("heard");
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class CallsBackAfterCancelSuite extends SttTck {
        @Override
        protected SttProvider provider() {
            return new SttDoubles.CallsBackAfterCancel();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class BlocksTheCallerSuite extends SttTck {
        @Override
        protected SttProvider provider() {
            return new SttDoubles.BlocksTheCaller();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class WellBehavedTtsSuite extends TtsTck {
        @Override
        protected TtsProvider provider() {
            return new TtsDoubles.WellBehaved();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class KeepsSendingAfterCancelSuite extends TtsTck {
        @Override
        protected TtsProvider provider() {
            return new TtsDoubles.KeepsSendingAfterCancel();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class WellBehavedLlmSuite extends LlmTck {
        @Override
        protected LlmProvider provider() {
            return new LlmDoubles.WellBehaved();
        }

        @Override
        protected Optional<ComponentConfig> failingConfig() {
            return Optional.of(new ComponentConfig(Map.of("fail", true), "test"));
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class IgnoresCancelSuite extends LlmTck {
        @Override
        protected LlmProvider provider() {
            return new LlmDoubles.IgnoresCancel();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class MalformedLlmSuite extends LlmTck {
        @Override
        protected LlmProvider provider() {
            return new LlmDoubles.Malformed();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class DeafVadSuite extends VadTck {
        @Override
        protected VadProvider provider() {
            return new OtherDoubles.DeafVad();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class LastWordTurnsSuite extends TurnDetectorTck {
        @Override
        protected TurnDetectorProvider provider() {
            return new OtherDoubles.LastWordTurns();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class OutOfRangeTurnsSuite extends TurnDetectorTck {
        @Override
        protected TurnDetectorProvider provider() {
            return new OtherDoubles.OutOfRangeTurns();
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static class RouterSuite extends RouterTck {
        @Override
        protected RouterProvider provider() {
            return new OtherDoubles.HashRouter();
        }

        @Override
        protected ComponentConfig config() {
            return ComponentConfig.empty();
        }

        @Override
        protected Set<String> variants() {
            return Set.copyOf(OtherDoubles.VARIANTS);
        }
    }

    @ExtendWith(SelfTestOnly.class)
    static final class RandomRouterSuite extends RouterSuite {
        @Override
        protected RouterProvider provider() {
            return new OtherDoubles.RandomRouter();
        }
    }

    private static Events run(Class<?> suite) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(SelfTestOnly.PARAMETER, "true")
                .selectors(selectClass(suite)).execute().testEvents();
    }

    private static Set<String> failed(Events events) {
        Set<String> names = new TreeSet<>();
        for (Event e : events.failed().list()) {
            names.add(e.getTestDescriptor().getDisplayName().replace("()", ""));
        }
        return names;
    }

    private static void assertAllPass(Class<?> suite) {
        Events events = run(suite);
        Set<String> failed = failed(events);
        StringBuilder why = new StringBuilder();
        events.failed().list().forEach(e -> why.append("\n").append(e.getTestDescriptor().getDisplayName())
                .append(": ").append(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage).orElse("?")));
        assertTrue(failed.isEmpty(), suite.getSimpleName() + " failed " + failed + why);
        assertTrue(events.succeeded().count() > 0, suite.getSimpleName() + " ran nothing");
    }

    private static void assertReported(Class<?> suite, String... expected) {
        Set<String> failed = failed(run(suite));
        for (String test : expected) {
            assertTrue(failed.contains(test), suite.getSimpleName() + " should fail " + test + "; failed " + failed);
        }
    }

    @Test
    void passesAWellBehavedStt() {
        assertAllPass(WellBehavedSttSuite.class);
    }

    @Test
    void reportsAnSttThatCallsBackAfterCancelOrReset() {
        assertReported(CallsBackAfterCancelSuite.class, "deliversNothingAfterCancelReturnsMidUtterance",
                "deliversNothingAfterCancelReturnsRightAfterEndUtterance",
                "deliversNothingForAnUtteranceResetDroppedAndStaysUsable");
    }

    @Test
    void reportsAnSttThatBlocksTheCaller() {
        assertReported(BlocksTheCallerSuite.class, "answersEndUtteranceWithExactlyOneFinal",
                "deliversNothingAfterCancelReturnsMidUtterance");
    }

    @Test
    void passesAWellBehavedTts() {
        assertAllPass(WellBehavedTtsSuite.class);
    }

    @Test
    void reportsATtsThatKeepsSendingAfterCancel() {
        Set<String> failed = failed(run(KeepsSendingAfterCancelSuite.class));
        assertEquals(Set.of("reportsNothingAfterCancelReturnsWhileAudioFlows",
                "reportsNothingAfterCancelBeforeTheFirstChunk"), failed);
    }

    @Test
    void passesAWellBehavedLlm() {
        assertAllPass(WellBehavedLlmSuite.class);
    }

    @Test
    void reportsAnLlmThatIgnoresCancel() {
        Set<String> failed = failed(run(IgnoresCancelSuite.class));
        assertEquals(Set.of("reportsNothingAfterCancelReturnsWhileTextStreams",
                "reportsNothingAfterCancelBeforeTheFirstToken"), failed);
    }

    @Test
    void reportsMalformedToolCallsAndCompletions() {
        assertReported(MalformedLlmSuite.class, "callsToolsInWellFormedCalls", "streamsTextDeltasThenCompletesOnce");
    }

    @Test
    void reportsAVadThatHearsNothing() {
        Set<String> failed = failed(run(DeafVadSuite.class));
        assertEquals(Set.of("findsOnsetAndOffsetOfEachUtterance", "forgetsItsHistoryOnReset"), failed);
    }

    @Test
    void passesAWellBehavedTurnDetector() {
        assertAllPass(LastWordTurnsSuite.class);
    }

    @Test
    void reportsATurnDetectorOutOfRangeOrNonDeterministic() {
        assertReported(OutOfRangeTurnsSuite.class, "scoresEveryTranscriptInZeroToOne",
                "scoresTheSameTranscriptTheSame", "givesTheSameScoresFromFourThreadsAtOnce");
    }

    @Test
    void passesADeterministicRouter() {
        assertAllPass(RouterSuite.class);
    }

    @Test
    void reportsARouterThatPicksAtRandom() {
        assertReported(RandomRouterSuite.class, "givesAUserKeyTheSameVariantOnEverySession",
                "givesAUserKeyTheSameVariantAfterARestart", "usesTheSessionIdWhenThereIsNoUserKey");
    }
}
