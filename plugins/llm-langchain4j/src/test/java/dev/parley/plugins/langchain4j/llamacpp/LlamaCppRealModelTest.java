package dev.parley.plugins.langchain4j.llamacpp;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmRequest;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With a real chat model named by {@code PARLEY_LLAMACPP_MODEL} (user-supplied: none can be downloaded here), the
 * llamacpp provider answers a factual question. Skipped, saying why, when the variable is not set.
 */
class LlamaCppRealModelTest {
    @Test
    void aRealModelAnswers() throws Exception {
        String path = System.getenv(LlamaCppConfig.MODEL_ENV);
        assumeTrue(path != null && !path.isBlank(), LlamaCppConfig.MODEL_ENV + " is not set: no user-supplied GGUF "
                + "chat model to run (the random-weight model in LlamaCppTest covers loading, streaming and cancel)");
        try (LlmEngine engine = new LlamaCppLlmProvider().create(new ComponentConfig(Map.of("model_path", path,
                "temperature", 0.0, "context_size", 2048), "test"))) {
            RecordingLlmListener l = new RecordingLlmListener();
            long start = System.nanoTime();
            engine.stream(new LlmRequest("Answer with one word.",
                    List.of(new ChatMessage.User("What is the capital of France?")), List.of(), null, 0.0, 16), l);
            l.await();
            assertNull(l.error, () -> String.valueOf(l.error));
            System.out.printf("real model: '%s' (%s, first piece after %d ms)%n", l.text().trim(), l.reason,
                    (l.firstDeltaNanos - start) / 1_000_000);
            assertTrue(l.text().toLowerCase(Locale.ROOT).contains("paris"), l.text());
        }
    }
}
