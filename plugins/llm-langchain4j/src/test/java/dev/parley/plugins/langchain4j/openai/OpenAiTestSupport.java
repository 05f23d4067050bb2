package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmRequest;

import java.time.Duration;
import java.util.List;

/** Test scope: engines pointed at the local server and one-line requests. */
final class OpenAiTestSupport {
    static final String SECRET = "sk-test-9f8e7d6c5b4a39281706";

    private OpenAiTestSupport() {
    }

    static LlmEngine engine(String baseUrl, Duration timeout, int maxRetries) {
        return new OpenAiLlmProvider().create(new OpenAiConfig(baseUrl, SECRET, "test", "test-model", null, timeout,
                maxRetries));
    }

    static LlmEngine engine(String baseUrl) {
        return engine(baseUrl, Duration.ofSeconds(10), 0);
    }

    static LlmRequest ask(String text) {
        return new LlmRequest("Be brief.", List.of(new ChatMessage.User(text)), List.of(), null, null, null);
    }
}
