package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.runtime.engine.TurnDetection;
import org.junit.jupiter.api.Test;

/**
 * The typed client events for {@code session.update} and {@code response.create}: decoding makes every check that
 * needs no session and yields a tri-state patch; applying it makes only the session-dependent checks.
 */
class SessionPatchTest {
    private final ClientEventDecoder decoder = new ClientEventDecoder(Dialect.GA);

    private ClientEvent decode(String json) {
        return decoder.validate(decoder.parse(json));
    }

    private SessionPatch patch(String session) {
        return assertInstanceOf(ClientEvent.SessionUpdate.class,
                decode("{\"type\":\"session.update\",\"session\":" + session + "}")).session();
    }

    @Test
    void decodingValidatesTheValuesAndTellsAbsentFromNullFromAValue() {
        ProtocolException bad = assertThrows(ProtocolException.class, () -> patch("{\"type\":\"realtime\",\"audio\":"
                + "{\"input\":{\"turn_detection\":{\"threshold\":2}}}}"));
        assertEquals("session.audio.input.turn_detection.threshold", bad.param());
        SessionPatch p = patch("{\"type\":\"realtime\",\"model\":\"m\",\"audio\":{\"input\":{\"noise_reduction\":null,"
                + "\"turn_detection\":{\"idle_timeout_ms\":null}}},\"max_output_tokens\":\"inf\"}");
        assertEquals(new Change.To<>("m"), p.model());
        assertInstanceOf(Change.Keep.class, p.instructions());
        assertInstanceOf(Change.Clear.class, p.noiseReduction());
        assertInstanceOf(Change.Clear.class, p.maxOutputTokens());
        TurnDetectionPatch turn = (TurnDetectionPatch) assertInstanceOf(Change.To.class, p.turnDetection()).value();
        assertInstanceOf(Change.Clear.class, turn.idleTimeoutMs());
        assertNull(turn.threshold());
    }

    @Test
    void idleTimeoutIsKeptWhenAbsentClearedByNullAndSetByAValue() {
        SessionConfig c = patch("{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
                + "{\"idle_timeout_ms\":6000}}}}").applyTo(new SessionConfig());
        assertEquals(6000, c.turnDetection().idleTimeoutMs());
        SessionConfig kept = patch("{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
                + "{\"silence_duration_ms\":900}}}}").applyTo(c);
        assertEquals(6000, kept.turnDetection().idleTimeoutMs());
        assertEquals(900, kept.turnDetection().silenceDurationMs());
        SessionConfig cleared = patch("{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":"
                + "{\"idle_timeout_ms\":null}}}}").applyTo(kept);
        assertNull(cleared.turnDetection().idleTimeoutMs());
        assertEquals(900, cleared.turnDetection().silenceDurationMs());
        assertNull(patch("{\"type\":\"realtime\",\"audio\":{\"input\":{\"turn_detection\":null}}}")
                .applyTo(cleared).turnDetection());
    }

    @Test
    void theSessionTypeIsCheckedWhenAppliedAndAFailedApplyChangesNothing() {
        SessionPatch p = patch("{\"type\":\"transcription\",\"instructions\":\"x\"}");
        SessionConfig realtime = new SessionConfig();
        ProtocolException e = assertThrows(ProtocolException.class, () -> p.applyTo(realtime));
        assertEquals("session.type", e.param());
        assertEquals("Invalid value: 'transcription'. This session's type is 'realtime' and cannot be changed.",
                e.getMessage());
        assertEquals("", realtime.instructions());
        SessionConfig.Builder t = new SessionConfig().toBuilder();
        t.type = SessionConfig.Type.TRANSCRIPTION;
        assertEquals("x", p.applyTo(t.build()).instructions());
    }

    @Test
    void aToolChoiceIsCheckedAgainstTheToolsInForceAfterTheUpdate() {
        SessionPatch choice = patch("{\"type\":\"realtime\",\"tool_choice\":{\"type\":\"function\",\"name\":\"lookup\"}}");
        ProtocolException e = assertThrows(ProtocolException.class, () -> choice.applyTo(new SessionConfig()));
        assertEquals("session.tool_choice", e.param());
        assertEquals("Invalid value: 'lookup'. Tool choice names function 'lookup', which is not among the "
                + "session's tools (none are declared).", e.getMessage());
        SessionConfig withTool = patch("{\"type\":\"realtime\",\"tools\":[{\"type\":\"function\",\"name\":\"lookup\"}]}")
                .applyTo(new SessionConfig());
        assertEquals("lookup", choice.applyTo(withTool).toolChoice().path("name").asText());
        TurnDetection before = withTool.turnDetection();
        assertEquals(before, choice.applyTo(withTool).turnDetection());
    }

    @Test
    void responseOverridesKeepAbsentFieldsAndClearNullOnes() {
        ResponseOverrides none = assertInstanceOf(ClientEvent.ResponseCreate.class,
                decode("{\"type\":\"response.create\"}")).response();
        assertInstanceOf(Change.Keep.class, none.maxOutputTokens());
        assertInstanceOf(Change.Keep.class, none.temperature());
        assertNull(none.input());
        ResponseOverrides r = assertInstanceOf(ClientEvent.ResponseCreate.class, decode("{\"type\":\"response.create\","
                + "\"response\":{\"max_output_tokens\":\"inf\",\"temperature\":null,\"conversation\":\"conv_x\"}}"))
                .response();
        assertInstanceOf(Change.Clear.class, r.maxOutputTokens());
        assertInstanceOf(Change.Clear.class, r.temperature());
        assertEquals("conv_x", r.conversation()); // checked against the conversation when applied
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode("{\"type\":\"response.create\","
                + "\"response\":{\"max_output_tokens\":0}}"));
        assertEquals("response.max_output_tokens", e.param());
    }
}
