package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.LlmProvider;
import dev.parley.plugins.langchain4j.LocalOpenAiServer;
import dev.parley.plugins.langchain4j.OpenAiChunks;
import dev.parley.tck.LlmTck;
import org.junit.jupiter.api.AfterAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance kit's LLM suite on the real OpenAI provider (LangChain4j client, cancellable HTTP) against a
 * local OpenAI-compatible endpoint on 127.0.0.1 that streams a 30-word answer in 20 ms steps, or a tool call
 * when the request declares tools. The failing config points at a closed port.
 */
class OpenAiTckTest extends LlmTck {
    private final LocalOpenAiServer server = start();

    private static LocalOpenAiServer start() {
        try {
            LocalOpenAiServer s = new LocalOpenAiServer();
            s.script((exchange, sse) -> {
                String body = s.requestBodies.get(s.requestBodies.size() - 1);
                sse.open();
                if (body.contains("\"tools\"")) {
                    sse.data(OpenAiChunks.toolCallStart(0, "call_tck1", "get_weather"));
                    sse.data(OpenAiChunks.toolCallArguments(0, "{\"city\":"));
                    sse.data(OpenAiChunks.toolCallArguments(0, "\"Paris\"}"));
                    sse.finish("tool_calls");
                    return;
                }
                for (int i = 0; i < 30; i++) {
                    sse.text("word" + i + " ");
                    Thread.sleep(20);
                }
                sse.finish("stop");
            });
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Override
    protected LlmProvider provider() {
        return new OpenAiLlmProvider();
    }

    @Override
    protected ComponentConfig config() {
        return new ComponentConfig(Map.of("base_url", server.baseUrl(), "api_key", OpenAiTestSupport.SECRET,
                "model", "test-model", "max_retries", 0, "timeout_ms", 10_000), "tck");
    }

    @Override
    protected Optional<ComponentConfig> failingConfig() {
        return Optional.of(new ComponentConfig(Map.of("base_url", "http://127.0.0.1:1/v1", "api_key",
                OpenAiTestSupport.SECRET, "model", "test-model", "max_retries", 0, "timeout_ms", 5_000), "tck"));
    }
}
