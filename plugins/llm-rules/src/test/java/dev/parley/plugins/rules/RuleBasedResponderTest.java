package dev.parley.plugins.rules;

import dev.parley.testkit.RecordingLlmListener;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each behaviour of the rule-based responder, through its public engine interface. */
class RuleBasedResponderTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-24T08:35:00Z"), UTC);
    private static final ToolSpec WEATHER = new ToolSpec("get_weather", "Current weather for a city",
            "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"},"
                    + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},"
                    + "\"required\":[\"location\"]}");
    private static final ToolSpec ORDER = new ToolSpec("lookup_order", "Finds an order by its number",
            "{\"type\":\"object\",\"properties\":{\"order_number\":{\"type\":\"integer\"}},"
                    + "\"required\":[\"order_number\"]}");

    private final RuleBasedResponder responder = new RuleBasedResponder(new RulesConfig(Duration.ZERO, UTC), FIXED);

    private static LlmRequest ask(String userText) {
        return new LlmRequest("", List.of(new ChatMessage.User(userText)), List.of(), null, null, null);
    }

    private String answer(String userText) throws InterruptedException {
        return run(ask(userText)).text();
    }

    private RecordingLlmListener run(LlmRequest request) throws InterruptedException {
        RecordingLlmListener l = new RecordingLlmListener();
        responder.stream(request, l);
        return l.await();
    }

    @Test
    void greetsAndSaysWhatItIs() throws Exception {
        String a = answer("Hello there!");
        assertTrue(a.startsWith("Hello!"), a);
        assertTrue(a.contains("rule-based responder, not a language model"), a);
    }

    @Test
    void greetsFirstWhenAskedToSpeakBeforeTheUserSaidAnything() throws Exception {
        RecordingLlmListener l = run(new LlmRequest("Greet the user.", List.of(), List.of(), null, null, null));
        assertEquals(GreetingRule.GREETING, l.text());
    }

    @Test
    void tellsTimeAndDateFromTheClock() throws Exception {
        assertEquals("It's 8:35 AM.", answer("What time is it?"));
        assertEquals("Today is Tuesday, November 24, 2026.", answer("what's the date today"));
    }

    @Test
    void saysWhoItIsAndHowToConfigureARealModel() throws Exception {
        String a = answer("Who are you?");
        assertTrue(a.contains("rule-based responder") && a.contains("not a language model"), a);
        String how = answer("How do I use a real model instead?");
        for (String env : List.of("PARLEY_LLM_BASE_URL", "OPENAI_API_KEY", "PARLEY_LLM_MODEL")) {
            assertTrue(how.contains(env), how);
        }
    }

    @Test
    void listsWhatItCanDo() throws Exception {
        assertEquals(SelfDescriptionRule.CAPABILITIES, answer("What can you do?"));
    }

    @Test
    void doesSimpleArithmeticWithDigitsOrWords() throws Exception {
        assertEquals("12 times 7 is 84.", answer("What is 12 times 7?"));
        assertEquals("12 times 7 is 84.", answer("what's twelve times seven"));
        assertEquals("105 plus 3 is 108.", answer("one hundred and five plus three"));
        assertEquals("10 divided by 4 is 2.5.", answer("What is 10 divided by 4?"));
        assertEquals("20 minus 25 is -5.", answer("what is twenty minus twenty-five"));
        assertTrue(answer("what is 5 divided by zero").contains("can't divide by zero"));
    }

    @Test
    void spellsAWord() throws Exception {
        assertEquals("Necessary is spelled N, E, C, E, S, S, A, R, Y.", answer("How do you spell necessary?"));
    }

    @Test
    void repeatsBackWhatItUnderstoodWhenNoRuleFits() throws Exception {
        String a = answer("The purple elephant plays chess on Sundays.");
        assertTrue(a.startsWith("I understood: \"The purple elephant plays chess on Sundays\"."), a);
        assertTrue(a.contains("rule-based responder"), a);
    }

    @Test
    void tellsAStoryOfSeveralSentences() throws Exception {
        String story = answer("Tell me a story.");
        assertTrue(sentences(story) >= 3, story);
        String three = answer("Tell me a three-sentence story about a sleepy dragon, please.");
        assertEquals(3, sentences(three), three);
        assertTrue(three.contains("a sleepy dragon"), three);
    }

    @Test
    void callsTheToolWhoseNameMatchesTheTopic() throws Exception {
        LlmRequest request = new LlmRequest("", List.of(new ChatMessage.User("What's the weather in Paris today?")),
                List.of(ORDER, WEATHER), ToolChoice.AUTO, null, null);
        RecordingLlmListener l = run(request);
        assertEquals(FinishReason.TOOL_CALLS, l.reason);
        assertEquals(1, l.toolCalls.size());
        assertEquals("get_weather", l.toolCalls.get(0).name());
        assertEquals("{\"location\":\"Paris\"}", l.toolCalls.get(0).argumentsJson());
        assertTrue(l.toolCalls.get(0).callId().startsWith("call_"));
        assertEquals(l.toolCalls.get(0).argumentsJson(), String.join("", l.argumentFragments));
        assertTrue(l.argumentFragments.size() > 1, "arguments stream in fragments");
        assertEquals("tool:0:get_weather", l.events.get(l.events.size() - 2));
        assertEquals("toolDelta:0", l.events.get(0));
        assertTrue(l.toolDeltas.get(0).matches("(?s)0:[^:]*:get_weather:.*"), l.toolDeltas.get(0));
    }

    @Test
    void callsAToolByNameWhenTold() throws Exception {
        LlmRequest request = new LlmRequest("", List.of(new ChatMessage.User("Call lookup order for number 4711")),
                List.of(WEATHER, ORDER), ToolChoice.AUTO, null, null);
        RecordingLlmListener l = run(request);
        assertEquals("lookup_order", l.toolCalls.get(0).name());
        assertEquals("{\"order_number\":4711}", l.toolCalls.get(0).argumentsJson());
    }

    @Test
    void honoursToolChoice() throws Exception {
        LlmRequest none = new LlmRequest("", List.of(new ChatMessage.User("What's the weather in Oslo?")),
                List.of(WEATHER), ToolChoice.NONE, null, null);
        assertEquals(FinishReason.STOP, run(none).reason);
        LlmRequest forced = new LlmRequest("", List.of(new ChatMessage.User("Hi")), List.of(WEATHER, ORDER),
                ToolChoice.function("lookup_order"), null, null);
        assertEquals("lookup_order", run(forced).toolCalls.get(0).name());
        LlmRequest unrelated = new LlmRequest("", List.of(new ChatMessage.User("Tell me a story")),
                List.of(WEATHER), ToolChoice.AUTO, null, null);
        assertTrue(run(unrelated).toolCalls.isEmpty());
    }

    @Test
    void answersFromTheToolResult() throws Exception {
        LlmRequest request = new LlmRequest("", List.of(
                new ChatMessage.User("What's the weather in Paris?"),
                new ChatMessage.Assistant("", List.of(new dev.parley.api.llm.ToolCall("call_1", "get_weather",
                        "{\"location\":\"Paris\"}"))),
                new ChatMessage.ToolResult("call_1", "get_weather", "{\"temperature\":21,\"sky\":\"sunny\"}")),
                List.of(WEATHER), ToolChoice.AUTO, null, null);
        RecordingLlmListener l = run(request);
        assertEquals("The tool said: temperature 21, sky sunny.", l.text());
        assertEquals(FinishReason.STOP, l.reason);
    }

    static int sentences(String text) {
        return text.split("(?<=[.!?])\\s+").length;
    }
}
