package dev.parley.plugins.rules;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.llm.LlmProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider is a PF4J extension (listed in META-INF/extensions.idx) under id {@code rules} and checks its config. */
class RuleBasedResponderProviderTest {
    @Test
    void isDeclaredAsAnLlmProviderExtension() throws IOException {
        List<String> declared = new ArrayList<>();
        for (URL idx : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = idx.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(declared::add);
            }
        }
        assertTrue(declared.contains(RuleBasedResponderProvider.class.getName()), "extensions.idx: " + declared);
        LlmProvider rules = new RuleBasedResponderProvider();
        assertEquals("rules", rules.id());
        String description = rules.create(ComponentConfig.empty()).describe();
        assertTrue(description.contains("rule-based responder") && description.contains("not a language model"),
                description);
    }

    @Test
    void badConfigNamesTheKeyAndTheSource() {
        var provider = new RuleBasedResponderProvider();
        ConfigException delay = assertThrows(ConfigException.class, () -> provider.create(
                new ComponentConfig(Map.of("word_delay_ms", -3), "pipelines/x.yaml llm.config")));
        assertTrue(delay.getMessage().contains("pipelines/x.yaml") && delay.getMessage().contains("word_delay_ms"));
        ConfigException zone = assertThrows(ConfigException.class, () -> provider.create(
                new ComponentConfig(Map.of("time_zone", "Mars/Olympus"), "pipelines/x.yaml llm.config")));
        assertTrue(zone.getMessage().contains("time_zone"), zone.getMessage());
    }

    @Test
    void readsConfig() {
        RulesConfig c = RulesConfig.from(new ComponentConfig(Map.of("word_delay_ms", "25", "time_zone", "Europe/Paris"),
                "test"));
        assertEquals(25, c.wordDelay().toMillis());
        assertEquals("Europe/Paris", c.zone().getId());
    }
}
