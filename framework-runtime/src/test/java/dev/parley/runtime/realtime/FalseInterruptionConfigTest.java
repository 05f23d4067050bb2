package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code false_interruption} from the pipeline's session block and from {@code session.parley} in updates. */
class FalseInterruptionConfigTest {
    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) EventEmitter.MAPPER.readTree(s);
    }

    @Test
    void offByDefaultAndEchoedInTheParleyObject() {
        SessionConfig c = new SessionConfig();
        assertEquals(FalseInterruption.OFF, c.falseInterruption());
        ObjectNode parley = (ObjectNode) SessionConfigWriter.ga(c, new SessionIdentity("sess_1", 1, "p", null))
                .get("parley");
        assertEquals("{\"enabled\":false,\"window_ms\":2000}", parley.get("false_interruption").toString());
    }

    @Test
    void pipelineSessionBlockSetsTheDefault() {
        SessionConfig c = SessionDefaults.apply(new SessionConfig(), new ComponentConfig(Map.of("voice", "sage",
                "false_interruption", Map.of("enabled", true, "window_ms", 1500)), "pipelines/x.yaml session"));
        assertEquals(new FalseInterruption(true, 1500), c.falseInterruption());
        ConfigException e = assertThrows(ConfigException.class, () -> SessionDefaults.apply(new SessionConfig(),
                new ComponentConfig(Map.of("false_interruption", Map.of("enabled", "yes")), "pipelines/x.yaml session")));
        assertTrue(e.getMessage().startsWith("pipelines/x.yaml session: Invalid type for "
                + "'session.false_interruption.enabled'"), e.getMessage());
    }

    @Test
    void sessionUpdateChangesOnlyTheGivenKeysAndIgnoresTheReadOnlyParleyFields() throws Exception {
        SessionConfig c = SessionConfigReader.applyGa(new SessionConfig(), json("{\"type\":\"realtime\",\"parley\":"
                + "{\"pipeline\":\"p\",\"variant\":null,\"false_interruption\":{\"enabled\":true}}}"), "session");
        assertEquals(new FalseInterruption(true, 2000), c.falseInterruption());
        c = SessionConfigReader.applyBeta(c, json("{\"parley\":{\"false_interruption\":{\"window_ms\":800}}}"),
                "session", false);
        assertEquals(new FalseInterruption(true, 800), c.falseInterruption());
    }

    @Test
    void badValuesAreRejectedWithTheParameterNamed() throws Exception {
        SessionConfig c = new SessionConfig();
        ProtocolException low = assertThrows(ProtocolException.class, () -> SessionConfigReader.applyGa(c,
                json("{\"type\":\"realtime\",\"parley\":{\"false_interruption\":{\"window_ms\":5}}}"), "session"));
        assertEquals("session.parley.false_interruption.window_ms", low.param());
        ProtocolException unknown = assertThrows(ProtocolException.class, () -> SessionConfigReader.applyGa(c,
                json("{\"type\":\"realtime\",\"parley\":{\"false_interruption\":{\"window\":5}}}"), "session"));
        assertEquals("session.parley.false_interruption.window", unknown.param());
        assertFalse(c.falseInterruption().enabled());
    }
}
