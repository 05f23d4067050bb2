package dev.parley.plugins.routerab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentKind;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.router.RoutingRequest;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.ProviderOrigin;
import dev.parley.runtime.routing.ExperimentLoader;
import dev.parley.runtime.routing.ExperimentMetrics;
import dev.parley.runtime.routing.JournalReader;
import dev.parley.runtime.routing.RoutedPipelineSelector;
import dev.parley.runtime.routing.RoutingException;
import dev.parley.runtime.routing.VariantSummary;
import dev.parley.runtime.routing.VariantSwitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code pipelines/ab-test.yaml}, parsed by the runtime's parser, routed by the real {@code ab}
 * router, assembled by the runtime's experiment loader. The stage providers are counting doubles: this test is
 * about which engines exist and who gets which, not about audio.
 */
class AbTestPipelineTest {
    private final CountingProvider energy = new CountingProvider(ComponentKind.VAD, "energy", VadEngine.class);
    private final CountingProvider silero = new CountingProvider(ComponentKind.VAD, "silero", VadEngine.class);
    private final CountingProvider sphinx = new CountingProvider(ComponentKind.STT, "pocketsphinx", SttEngine.class);
    private final CountingProvider lm = new CountingProvider(ComponentKind.TURN, "pocketsphinx-lm", TurnDetector.class);
    private final CountingProvider rules = new CountingProvider(ComponentKind.LLM, "rules", LlmEngine.class);
    private final CountingProvider openai = new CountingProvider(ComponentKind.LLM, "openai", LlmEngine.class);
    private final CountingProvider mary = new CountingProvider(ComponentKind.TTS, "marytts", TtsEngine.class);

    @TempDir
    Path journals;
    private RoutedPipelineSelector selector;

    private ComponentRegistry registry;
    private PipelineDefinition definition;
    private final EnvInterpolator noEnv = new EnvInterpolator(k -> null); // as if no OPENAI_API_KEY: rules LLM

    @BeforeEach
    void load() throws Exception {
        ComponentRegistry.Builder builder = ComponentRegistry.builder();
        ProviderOrigin origin = ProviderOrigin.builtIn();
        for (CountingProvider p : List.of(energy, silero, sphinx, lm, rules, openai, mary)) {
            builder.add(p, origin);
        }
        builder.add(new AbRouterProvider(), origin);
        registry = builder.build();
        Path file = repoRoot().resolve("pipelines/ab-test.yaml");
        definition = new PipelineParser(noEnv).parse("pipelines/ab-test.yaml", Files.readString(file));
        selector = new ExperimentLoader(registry, noEnv).load(definition, journals);
    }

    @AfterEach
    void close() {
        selector.close();
    }

    @Test
    void variantsShareEveryEngineTheyDoNotOverride() {
        Pipeline a = selector.pipelineFor("A");
        Pipeline b = selector.pipelineFor("B");
        assertEquals(List.of("A", "B"), selector.variants());
        assertEquals("ab-test", a.name());
        assertEquals("B", b.variant());
        assertNotSame(a.vad(), b.vad());
        assertEquals(1, energy.created.size(), "base and A share one energy VAD");
        assertEquals(1, silero.created.size());
        for (CountingProvider p : List.of(sphinx, lm, rules, mary)) {
            assertEquals(1, p.created.size(), p.id() + " created once for base, A and B");
        }
        assertEquals(0, openai.created.size(), "no OPENAI_API_KEY: the rules alternative is chosen");
        assertSame(a.stt(), b.stt());
        assertSame(a.llm(), b.llm());
        assertSame(a.tts(), b.tts());
        assertSame(a.turn(), b.turn());
        assertEquals("You are a helpful voice assistant.", a.session().string("instructions", ""));
        assertEquals("You are a helpful voice assistant. Answer in one short sentence.",
                b.session().string("instructions", ""));
        assertEquals("alloy", b.session().string("voice", ""));
    }

    @Test
    void sessionsAreRoutedByForceCohortAndWeight() {
        assertSame(selector.pipelineFor("B"), selector.select(request("sess_1", "alice", Map.of("variant", "B"))));
        assertSame(selector.pipelineFor("B"), selector.select(request("sess_2", "qa-bob", Map.of())));
        int b = 0;
        for (int i = 0; i < 10_000; i++) {
            b += "B".equals(selector.select(request("sess_u" + i, "user-" + i, Map.of())).variant()) ? 1 : 0;
        }
        System.out.printf("pipelines/ab-test.yaml, 10,000 users: B %.2f %% (weight 50 %%)%n", b / 100.0);
        assertTrue(Math.abs(b / 100.0 - 50) <= 2.0);
        RoutingException e = assertThrows(RoutingException.class,
                () -> selector.select(request("sess_3", null, Map.of("variant", "C"))));
        assertEquals("unknown variant 'C' requested by ?variant=; experiment 'vad-energy-vs-silero' has variants "
                + "A, B", e.getMessage());
    }

    @Test
    void assignmentsAndSessionEventsReachTheJournal() throws Exception {
        Pipeline p = selector.select(request("sess_j", "qa-1", Map.of()));
        selector.recorder().turn(p.name(), p.variant(), 420);
        selector.recorder().bargeIn(p.name(), p.variant());
        selector.close();
        ExperimentMetrics replayed = new ExperimentMetrics();
        JournalReader.Result r = JournalReader.replay(journals.resolve("vad-energy-vs-silero.jsonl"), replayed);
        assertEquals(3, r.events());
        VariantSummary s = replayed.summaries().get(0);
        assertEquals("B", s.variant());
        assertEquals(1, s.sessions());
        assertEquals(420.0, s.ttfaP50Ms());
        assertEquals(1.0, s.bargeInRate());
    }

    @Test
    void aLiveSessionSwitchesVariantAtTheNextTurnBoundary() {
        Pipeline start = selector.select(request("sess_live", null, Map.of("variant", "A")));
        VariantSwitch sw = selector.switchFor("sess_live", start);
        assertThrows(RoutingException.class, () -> sw.request("Z"));
        assertFalse(sw.pending(), "a refused switch changes nothing");
        assertSame(start, sw.atTurnBoundary());
        Pipeline target = sw.request("B");
        assertEquals("B", target.variant());
        assertTrue(sw.pending());
        assertSame(start, sw.current(), "the turn in progress keeps its pipeline");
        assertSame(target, sw.atTurnBoundary());
        assertFalse(sw.pending());
        assertSame(sw.current().stt(), start.stt(), "the swap only changes what the variant overrides");
    }

    @Test
    void validationChecksTheExperimentWithoutCreatingEngines() {
        selector.close();
        List<Integer> before = List.of(energy.created.size(), silero.created.size(), mary.created.size());
        assertEquals(List.of("A", "B"), new ExperimentLoader(registry, noEnv).validate(definition));
        assertEquals(before, List.of(energy.created.size(), silero.created.size(), mary.created.size()));
    }

    @Test
    void closingTheSelectorClosesEachEngineOnce() {
        selector.close();
        for (CountingProvider p : List.of(energy, silero, sphinx, lm, rules, mary)) {
            assertEquals(1, p.closed.get(), p.id());
        }
    }

    private static RoutingRequest request(String session, String user, Map<String, String> query) {
        return new RoutingRequest(session, user, Map.of(), query, Map.of());
    }

    private static Path repoRoot() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".mvn"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (a directory holding .mvn/) above "
                    + System.getProperty("user.dir"));
        }
        return p;
    }
}
