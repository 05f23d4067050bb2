package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmProvider;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance suite for language models ({@link LlmProvider}, {@link LlmEngine}, {@link LlmStream}). Extend it,
 * supply the provider and a config that reaches a working model; the engine is created once per class. It checks:
 * <ul>
 *   <li>{@code stream()} returns at once (within {@link TckBounds#NON_BLOCKING_CALL_MS}) and does not throw;</li>
 *   <li>text streams as several deltas, then exactly one {@code onComplete} with a reason and a usage, last;</li>
 *   <li>tool calls are well formed ({@link ToolCalls}): a call id, a declared function name, arguments that are a
 *       JSON object, deltas that add up to them, each index completed once, before {@code onComplete}, which
 *       then says {@link FinishReason#TOOL_CALLS};</li>
 *   <li>{@code cancel()} returns within the bound and nothing is reported after it returned, whether cancelled
 *       while text streams or before the first token; {@code cancel()} is idempotent;</li>
 *   <li>a failing backend ({@link #failingConfig()}) is reported as exactly one {@code onError} carrying an
 *       {@link LlmException} with a kind and a message, and no {@code onComplete};</li>
 *   <li>two generations at once on one engine both complete.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LlmTck {
    private LlmEngine engine;

    /** The provider under test. */
    protected abstract LlmProvider provider();

    /** A config under which the engine reaches a working model. */
    protected ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /**
     * A config under which every generation fails (an unreachable server, a bad key), or empty to skip the
     * failure check.
     */
    protected Optional<ComponentConfig> failingConfig() {
        return Optional.empty();
    }

    /** A request whose answer is several words long. */
    protected LlmRequest textRequest() {
        return new LlmRequest("You are a helpful voice assistant.",
                List.of(new ChatMessage.User("Please tell me a short story about a lighthouse keeper.")),
                List.of(), ToolChoice.AUTO, null, null);
    }

    /** A request that makes the model call a tool, or empty to skip the tool-call check. */
    protected Optional<LlmRequest> toolRequest() {
        ToolSpec weather = new ToolSpec("get_weather", "Current weather for a city",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
        return Optional.of(new LlmRequest("Use the tools you are given.",
                List.of(new ChatMessage.User("What is the weather in Paris?")), List.of(weather),
                ToolChoice.function("get_weather"), null, null));
    }

    /** The engine, created from {@link #provider()} and {@link #config()} on first use. */
    protected final LlmEngine engine() {
        if (engine == null) {
            engine = provider().create(config());
            assertNotNull(engine, provider().id() + ": create() returned null");
        }
        return engine;
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void streamsTextDeltasThenCompletesOnce() {
        LlmRecorder r = LlmRecorder.start(engine(), textRequest());
        CallbackLog.Entry end = r.awaitEnd();
        assertEquals("complete", end.name(), "expected onComplete, got " + end);
        r.log().close("onComplete()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS / 2);
        List<String> names = r.log().names();
        assertTrue(r.log().count("text") >= 2, "text must stream as several deltas, got " + names);
        assertEquals(1, r.log().count("complete"), "exactly one onComplete: " + names);
        assertEquals(0, r.log().count("error"), "no onError: " + r.log().entries());
        assertTrue(r.log().violations().isEmpty(), "reported after onComplete: " + r.log().violations());
        assertTrue(r.problems().isEmpty(), "malformed callbacks: " + r.problems());
    }

    @Test
    void callsToolsInWellFormedCalls() {
        Optional<LlmRequest> request = toolRequest();
        assumeTrue(request.isPresent(), "no tool request given: tool calls not checked");
        LlmRecorder r = LlmRecorder.start(engine(), request.get());
        CallbackLog.Entry end = r.awaitEnd();
        assertEquals("complete", end.name(), "expected onComplete, got " + end);
        assertTrue(r.problems().isEmpty(), "malformed callbacks: " + r.problems());
        List<String> problems = r.toolCalls().check(request.get().tools());
        assertTrue(problems.isEmpty(), "malformed tool calls: " + problems);
        assertTrue(r.toolCalls().completed() > 0, "the request forces a tool call; none came: " + r.log().names());
        assertEquals(FinishReason.TOOL_CALLS.name(), end.detail(), "a generation that called tools finishes with"
                + " TOOL_CALLS");
    }

    @Test
    void reportsNothingAfterCancelReturnsWhileTextStreams() {
        LlmRecorder r = LlmRecorder.start(engine(), textRequest());
        assertNotNull(r.log().await(e -> !e.name().equals("tool-delta"), TckBounds.ANSWER_MS),
                "no output within " + TckBounds.ANSWER_MS + " ms");
        Calls.quick("cancel()", r.stream()::cancel);
        r.log().close("cancel()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS);
        assertTrue(r.log().violations().isEmpty(), r.log().violations().size() + " callbacks after cancel(): "
                + r.log().violations().stream().limit(5).toList());
        Calls.quick("second cancel()", r.stream()::cancel);
    }

    @Test
    void reportsNothingAfterCancelBeforeTheFirstToken() {
        LlmRecorder r = LlmRecorder.start(engine(), textRequest());
        Calls.quick("cancel()", r.stream()::cancel);
        r.log().close("cancel()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS);
        assertTrue(r.log().violations().isEmpty(), r.log().violations().size() + " callbacks after cancel(): "
                + r.log().violations().stream().limit(5).toList());
    }

    @Test
    void reportsAFailingBackendAsOneLlmException() {
        Optional<ComponentConfig> failing = failingConfig();
        assumeTrue(failing.isPresent(), "no failing config given: failure reporting not checked");
        try (LlmEngine broken = provider().create(failing.get())) {
            LlmRecorder r = LlmRecorder.start(broken, textRequest());
            CallbackLog.Entry end = r.awaitEnd();
            assertEquals("error", end.name(), "a failing backend must end in onError, got " + end);
            Calls.sleep(TckBounds.QUIET_WINDOW_MS / 2);
            assertEquals(1, r.log().count("error"), "exactly one onError: " + r.log().names());
            assertEquals(0, r.log().count("complete"), "no onComplete after a failure: " + r.log().names());
            assertTrue(r.problems().isEmpty(), "malformed callbacks: " + r.problems());
        }
    }

    @Test
    void servesTwoGenerationsAtOnce() {
        LlmRecorder a = LlmRecorder.start(engine(), textRequest());
        LlmRecorder b = LlmRecorder.start(engine(), textRequest());
        assertEquals("complete", a.awaitEnd().name(), "first generation: " + a.log().names());
        assertEquals("complete", b.awaitEnd().name(), "second generation: " + b.log().names());
        assertTrue(a.problems().isEmpty() && b.problems().isEmpty(), a.problems() + " " + b.problems());
    }

    /** An {@link LlmException} as the listener received it: kind and message must be present. */
    static String describeError(LlmException e) {
        return e == null ? "null" : e.kind() + ": " + e.getMessage();
    }
}
