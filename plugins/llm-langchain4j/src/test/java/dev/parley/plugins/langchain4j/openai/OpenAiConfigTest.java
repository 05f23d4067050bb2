package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.llm.LlmEngine;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults and errors of the openai config, including the default pipeline's "only OPENAI_API_KEY set" case. */
class OpenAiConfigTest {
    private static final String KEY = "sk-abcdefghijklmnop";

    @Test
    void onlyAnApiKeyInTheEnvironmentMeansOpenAiItself() {
        OpenAiConfig c = OpenAiConfig.from(new ComponentConfig(Map.of(), "default.yaml"),
                name -> name.equals("OPENAI_API_KEY") ? KEY : null);
        assertEquals(OpenAiConfig.DEFAULT_BASE_URL, c.baseUrl());
        assertEquals(OpenAiConfig.DEFAULT_MODEL, c.model());
        assertEquals(KEY, c.apiKey());
        assertEquals(0, c.maxRetries());
        assertFalse(c.describe().contains(KEY), c.describe());
        try (LlmEngine engine = new OpenAiLlmProvider().create(c)) {
            assertEquals("openai model gpt-4o-mini at https://api.openai.com/v1 (API key from OPENAI_API_KEY)",
                    engine.describe());
        }
    }

    @Test
    void interpolatedEmptyValuesFallBackToDefaults() {
        // What ${PARLEY_LLM_MODEL:-} and friends produce when unset.
        OpenAiConfig c = OpenAiConfig.from(new ComponentConfig(Map.of("base_url", "http://127.0.0.1:8080/v1",
                "api_key", "", "model", "", "temperature", ""), "default.yaml"), name -> null);
        assertEquals("http://127.0.0.1:8080/v1", c.baseUrl());
        assertNull(c.apiKey(), "a local server needs no key");
        assertEquals(OpenAiConfig.DEFAULT_MODEL, c.model());
        assertNull(c.temperature());
    }

    @Test
    void readsEveryKey() {
        OpenAiConfig c = OpenAiConfig.from(new ComponentConfig(Map.of("base_url", "http://h:1/v1", "api_key", KEY,
                "model", "qwen", "temperature", 0.2, "timeout_ms", 1500, "max_retries", 2), "x"), name -> null);
        assertEquals("qwen", c.model());
        assertEquals(0.2, c.temperature());
        assertEquals(1500, c.timeout().toMillis());
        assertEquals(2, c.maxRetries());
    }

    @Test
    void openAiWithoutAKeyOrAWrongUrlIsAClearError() {
        ConfigException noKey = assertThrows(ConfigException.class,
                () -> OpenAiConfig.from(new ComponentConfig(Map.of(), "pipelines/default.yaml:14"), name -> null));
        assertTrue(noKey.getMessage().contains("OPENAI_API_KEY") && noKey.getMessage().contains("pipelines/default"
                + ".yaml:14"), noKey.getMessage());
        ConfigException badUrl = assertThrows(ConfigException.class, () -> OpenAiConfig.from(
                new ComponentConfig(Map.of("base_url", "localhost:8080"), "x"), name -> null));
        assertTrue(badUrl.getMessage().contains("base_url"), badUrl.getMessage());
    }
}
