package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the session object of {@code session.created}/{@code session.updated} in both dialect shapes (catalog §6.1,
 * §6.2) as {@link SessionConfigWriter} renders it: every field, its name, order and value, nulls written, and
 * which fields a transcription session leaves out.
 */
class SessionObjectJsonTest {
    private static final SessionIdentity ID = new SessionIdentity("sess_1", 1700000000L, "default", null);
    private static final SessionIdentity VARIANT = new SessionIdentity("sess_2", 1700000060L, "default", "fast");

    private static String json(Object o) throws JsonProcessingException {
        return EventEmitter.MAPPER.writeValueAsString(o);
    }

    private static JsonNode node(String s) throws JsonProcessingException {
        return EventEmitter.MAPPER.readTree(s);
    }

    /** Every field away from its default. */
    private static SessionConfig configured() throws JsonProcessingException {
        SessionConfig.Builder b = new SessionConfig().toBuilder();
        b.model = "gpt-realtime";
        b.instructions = "Be brief.";
        b.audioOutput = false;
        b.inputFormat = WireFormat.PCMU;
        b.outputFormat = WireFormat.PCMA;
        b.noiseReduction = "near_field";
        b.transcription = (ObjectNode) node("{\"model\":\"whisper-1\",\"language\":\"en\"}");
        b.turnDetection = new TurnDetection(TurnDetection.Type.SEMANTIC_VAD, 0.5, 300, 200, null, false, true, "high");
        b.voice = "cedar";
        b.speed = 1.25;
        b.tools = (ArrayNode) node("[{\"type\":\"function\",\"name\":\"get_time\",\"description\":\"Now.\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}]");
        b.toolChoice = node("{\"type\":\"function\",\"name\":\"get_time\"}");
        b.maxOutputTokens = 256;
        b.tracing = node("{\"workflow_name\":\"w\"}");
        b.truncation = node("{\"type\":\"retention_ratio\",\"retention_ratio\":0.5,"
                + "\"token_limits\":{\"post_instructions\":1000}}");
        b.include = node("[]");
        b.temperature = 0.6;
        b.falseInterruption = new FalseInterruption(true, 1500);
        return b.build();
    }

    /** A transcription session with server VAD and an idle timeout. */
    private static SessionConfig transcription() {
        SessionConfig.Builder b = new SessionConfig().toBuilder();
        b.type = SessionConfig.Type.TRANSCRIPTION;
        b.turnDetection = new TurnDetection(TurnDetection.Type.SERVER_VAD, 0.6, 250, 700, 6000, true, false, "auto");
        return b.build();
    }

    private static SessionConfig manual() {
        SessionConfig.Builder b = new SessionConfig().toBuilder();
        b.turnDetection = null;
        return b.build();
    }

    @Test
    void gaDefaults() throws Exception {
        assertEquals("{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_1\",\"model\":\"parley\","
                + "\"output_modalities\":[\"audio\"],\"instructions\":\"\","
                + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"transcription\":null,"
                + "\"noise_reduction\":null,\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,"
                + "\"prefix_padding_ms\":300,\"silence_duration_ms\":200,\"idle_timeout_ms\":null,"
                + "\"create_response\":true,\"interrupt_response\":true}},\"output\":{\"format\":{\"type\":\"audio/pcm\","
                + "\"rate\":24000},\"voice\":\"alloy\",\"speed\":1.0}},\"tools\":[],\"tool_choice\":\"auto\","
                + "\"max_output_tokens\":\"inf\",\"tracing\":null,\"truncation\":\"auto\",\"prompt\":null,"
                + "\"expires_at\":1700000000,\"include\":null,\"parley\":{\"pipeline\":\"default\",\"variant\":null,"
                + "\"false_interruption\":{\"enabled\":false,\"window_ms\":2000}}}",
                json(SessionConfigWriter.ga(new SessionConfig(), ID)));
    }

    @Test
    void gaConfigured() throws Exception {
        assertEquals("{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"sess_2\",\"model\":\"gpt-realtime\","
                + "\"output_modalities\":[\"text\"],\"instructions\":\"Be brief.\","
                + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcmu\"},\"transcription\":{\"model\":\"whisper-1\","
                + "\"language\":\"en\"},\"noise_reduction\":{\"type\":\"near_field\"},"
                + "\"turn_detection\":{\"type\":\"semantic_vad\",\"eagerness\":\"high\",\"create_response\":false,"
                + "\"interrupt_response\":true}},\"output\":{\"format\":{\"type\":\"audio/pcma\"},\"voice\":\"cedar\","
                + "\"speed\":1.25}},\"tools\":[{\"type\":\"function\",\"name\":\"get_time\",\"description\":\"Now.\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}],\"tool_choice\":{\"type\":\"function\","
                + "\"name\":\"get_time\"},\"max_output_tokens\":256,\"tracing\":{\"workflow_name\":\"w\"},"
                + "\"truncation\":{\"type\":\"retention_ratio\",\"retention_ratio\":0.5,"
                + "\"token_limits\":{\"post_instructions\":1000}},\"prompt\":null,\"expires_at\":1700000060,"
                + "\"include\":[],\"parley\":{\"pipeline\":\"default\",\"variant\":\"fast\","
                + "\"false_interruption\":{\"enabled\":true,\"window_ms\":1500}}}",
                json(SessionConfigWriter.ga(configured(), VARIANT)));
    }

    @Test
    void gaTranscription() throws Exception {
        assertEquals("{\"type\":\"transcription\",\"object\":\"realtime.transcription_session\",\"id\":\"sess_1\","
                + "\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"transcription\":null,"
                + "\"noise_reduction\":null,\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.6,"
                + "\"prefix_padding_ms\":250,\"silence_duration_ms\":700,\"idle_timeout_ms\":6000,"
                + "\"create_response\":true,\"interrupt_response\":false}}},\"expires_at\":1700000000,"
                + "\"include\":null,\"parley\":{\"pipeline\":\"default\",\"variant\":null,"
                + "\"false_interruption\":{\"enabled\":false,\"window_ms\":2000}}}",
                json(SessionConfigWriter.ga(transcription(), ID)));
    }

    @Test
    void betaDefaults() throws Exception {
        assertEquals("{\"id\":\"sess_1\",\"object\":\"realtime.session\",\"expires_at\":1700000000,\"modalities\":[\"text\","
                + "\"audio\"],\"model\":\"parley\",\"instructions\":\"\",\"voice\":\"alloy\",\"output_audio_format\":\"pcm16\","
                + "\"speed\":1.0,\"tools\":[],\"tool_choice\":\"auto\",\"temperature\":0.8,"
                + "\"max_response_output_tokens\":\"inf\",\"tracing\":null,\"input_audio_format\":\"pcm16\","
                + "\"input_audio_transcription\":null,\"input_audio_noise_reduction\":null,"
                + "\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,\"prefix_padding_ms\":300,"
                + "\"silence_duration_ms\":200,\"idle_timeout_ms\":null,\"create_response\":true,"
                + "\"interrupt_response\":true},\"include\":null,\"parley\":{\"pipeline\":\"default\",\"variant\":null,"
                + "\"false_interruption\":{\"enabled\":false,\"window_ms\":2000}}}",
                json(SessionConfigWriter.beta(new SessionConfig(), ID)));
    }

    @Test
    void betaConfigured() throws Exception {
        assertEquals("{\"id\":\"sess_2\",\"object\":\"realtime.session\",\"expires_at\":1700000060,\"modalities\":[\"text\"],"
                + "\"model\":\"gpt-realtime\",\"instructions\":\"Be brief.\",\"voice\":\"cedar\","
                + "\"output_audio_format\":\"g711_alaw\",\"speed\":1.25,\"tools\":[{\"type\":\"function\","
                + "\"name\":\"get_time\",\"description\":\"Now.\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"get_time\"},\"temperature\":0.6,"
                + "\"max_response_output_tokens\":256,\"tracing\":{\"workflow_name\":\"w\"},"
                + "\"input_audio_format\":\"g711_ulaw\",\"input_audio_transcription\":{\"model\":\"whisper-1\","
                + "\"language\":\"en\"},\"input_audio_noise_reduction\":{\"type\":\"near_field\"},"
                + "\"turn_detection\":{\"type\":\"semantic_vad\",\"eagerness\":\"high\",\"create_response\":false,"
                + "\"interrupt_response\":true},\"include\":[],\"parley\":{\"pipeline\":\"default\",\"variant\":\"fast\","
                + "\"false_interruption\":{\"enabled\":true,\"window_ms\":1500}}}",
                json(SessionConfigWriter.beta(configured(), VARIANT)));
    }

    @Test
    void betaTranscription() throws Exception {
        assertEquals("{\"id\":\"sess_1\",\"object\":\"realtime.transcription_session\",\"expires_at\":1700000000,"
                + "\"modalities\":[\"text\",\"audio\"],\"input_audio_format\":\"pcm16\","
                + "\"input_audio_transcription\":null,\"input_audio_noise_reduction\":null,"
                + "\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.6,\"prefix_padding_ms\":250,"
                + "\"silence_duration_ms\":700,\"idle_timeout_ms\":6000,\"create_response\":true,"
                + "\"interrupt_response\":false},\"include\":null,\"parley\":{\"pipeline\":\"default\",\"variant\":null,"
                + "\"false_interruption\":{\"enabled\":false,\"window_ms\":2000}}}",
                json(SessionConfigWriter.beta(transcription(), ID)));
    }

    @Test
    void manualTurnDetectionIsNullInBothShapes() throws Exception {
        assertEquals("null", json(SessionConfigWriter.ga(manual(), ID).get("audio").get("input").get("turn_detection")));
        assertEquals("null", json(SessionConfigWriter.beta(manual(), ID).get("turn_detection")));
    }

    @Test
    void writeChoosesTheShapeByDialect() throws Exception {
        assertEquals(json(SessionConfigWriter.ga(configured(), ID)), json(SessionConfigWriter.write(configured(), ID,
                Dialect.GA)));
        assertEquals(json(SessionConfigWriter.beta(configured(), ID)), json(SessionConfigWriter.write(configured(),
                ID, Dialect.BETA)));
    }
}
