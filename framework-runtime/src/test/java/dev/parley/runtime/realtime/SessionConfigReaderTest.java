package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionConfigReaderTest {
    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) EventEmitter.MAPPER.readTree(s);
    }

    @Test
    void gaWrittenSessionReadsBackToTheSameConfig() throws Exception {
        SessionConfig.Builder b = new SessionConfig().toBuilder();
        b.instructions = "hi";
        b.outputFormat = WireFormat.PCMA;
        b.voice = "cedar";
        b.maxOutputTokens = 100;
        SessionConfig c = b.build();
        SessionIdentity id = new SessionIdentity("sess_1", 1, "p", null);
        ObjectNode written = SessionConfigWriter.ga(c, id);
        SessionConfig back = SessionConfigReader.applyGa(new SessionConfig(), written, "session");
        assertEquals(written, SessionConfigWriter.ga(back, id));
        ObjectNode beta = SessionConfigWriter.beta(c, id);
        SessionConfig backBeta = SessionConfigReader.applyBeta(new SessionConfig(), beta, "session", false);
        assertEquals(written, SessionConfigWriter.ga(backBeta, id));
    }

    @Test
    void betaShapeRefusesAToolChoiceOfAnUndeclaredFunction() throws Exception {
        ProtocolException e = assertThrows(ProtocolException.class, () -> SessionConfigReader.applyBeta(
                new SessionConfig(), json("{\"tool_choice\":{\"type\":\"function\",\"name\":\"lookup\"}}"),
                "session", false));
        assertEquals("session.tool_choice", e.param());
        assertEquals("invalid_value", e.code());
    }

    @Test
    void turnDetectionMergesWithinAType() throws Exception {
        SessionConfig c = SessionConfigReader.applyGa(new SessionConfig(), json("{\"type\":\"realtime\",\"audio\":"
                + "{\"input\":{\"turn_detection\":{\"silence_duration_ms\":800,\"idle_timeout_ms\":6000}}}}"), "s");
        c = SessionConfigReader.applyGa(c, json("{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
                + "{\"create_response\":false}}}}"), "s");
        TurnDetection t = c.turnDetection();
        assertEquals(800, t.silenceDurationMs());
        assertEquals(6000, t.idleTimeoutMs());
        assertEquals(false, t.createResponse());
        assertEquals(true, t.interruptResponse());
    }

    @Test
    void failedUpdateLeavesTheOriginalUntouched() throws Exception {
        SessionConfig c = new SessionConfig();
        ProtocolException e = assertThrows(ProtocolException.class, () -> SessionConfigReader.applyGa(c,
                json("{\"type\":\"realtime\",\"instructions\":\"x\",\"tool_choice\":\"sometimes\"}"), "session"));
        assertEquals("session.tool_choice", e.param());
        assertEquals("Invalid value: 'sometimes'. Supported values are: 'auto', 'none', and 'required'.",
                e.getMessage());
        assertEquals("", c.instructions());
    }

    @Test
    void pipelineDefaultsAcceptFlatAndNestedKeysAndNameTheSourceOnError() {
        SessionConfig c = SessionDefaults.apply(new SessionConfig(), new ComponentConfig(Map.of(
                "instructions", "Be kind.", "voice", "sage", "turn_detection", Map.of("type", "semantic_vad"),
                "output_modalities", List.of("text")), "pipelines/default.yaml session"));
        assertEquals("Be kind.", c.instructions());
        assertEquals("sage", c.voice());
        assertSame(TurnDetection.Type.SEMANTIC_VAD, c.turnDetection().type());
        assertEquals(false, c.audioOutput());
        assertNull(c.transcription());
        ConfigException e = assertThrows(ConfigException.class, () -> SessionDefaults.apply(new SessionConfig(),
                new ComponentConfig(Map.of("voice", 3), "pipelines/x.yaml session")));
        assertEquals(true, e.getMessage().startsWith("pipelines/x.yaml session: Invalid type for 'session.voice'"),
                e.getMessage());
    }
}
