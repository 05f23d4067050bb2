package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;

/** Renders the full effective session for {@code session.created}/{@code session.updated} in either dialect. */
public final class SessionConfigWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SessionConfigWriter() {
    }

    public static ObjectNode write(SessionConfig c, SessionIdentity id, Dialect dialect) {
        return dialect == Dialect.BETA ? beta(c, id) : ga(c, id);
    }

    /** GA nested shape (catalog §6.1). */
    public static ObjectNode ga(SessionConfig c, SessionIdentity id) {
        ObjectNode s = F.objectNode();
        boolean realtime = c.type() == SessionConfig.Type.REALTIME;
        s.put("type", realtime ? "realtime" : "transcription");
        s.put("object", realtime ? "realtime.session" : "realtime.transcription_session");
        s.put("id", id.id());
        if (realtime) {
            s.put("model", c.model());
            s.set("output_modalities", modalities(c.audioOutput(), false));
            s.put("instructions", c.instructions());
        }
        ObjectNode audio = s.putObject("audio");
        ObjectNode in = audio.putObject("input");
        in.set("format", format(c.inputFormat()));
        in.set("transcription", c.transcription() == null ? F.nullNode() : c.transcription().deepCopy());
        in.set("noise_reduction", c.noiseReduction() == null ? F.nullNode()
                : F.objectNode().put("type", c.noiseReduction()));
        in.set("turn_detection", turnDetection(c.turnDetection()));
        if (realtime) {
            ObjectNode out = audio.putObject("output");
            out.set("format", format(c.outputFormat()));
            out.put("voice", c.voice());
            out.put("speed", c.speed());
            s.set("tools", c.tools().deepCopy());
            s.set("tool_choice", c.toolChoice().deepCopy());
            putMaxTokens(s, "max_output_tokens", c.maxOutputTokens());
            s.set("tracing", c.tracing().deepCopy());
            s.set("truncation", c.truncation().deepCopy());
            s.set("prompt", c.prompt().deepCopy());
        }
        s.put("expires_at", id.expiresAt());
        s.set("include", c.include().deepCopy());
        s.set("parley", parley(id, c));
        return s;
    }

    /** Beta flat shape (catalog §6.2). */
    public static ObjectNode beta(SessionConfig c, SessionIdentity id) {
        ObjectNode s = F.objectNode();
        boolean realtime = c.type() == SessionConfig.Type.REALTIME;
        s.put("id", id.id());
        s.put("object", realtime ? "realtime.session" : "realtime.transcription_session");
        s.put("expires_at", id.expiresAt());
        s.set("modalities", modalities(c.audioOutput(), true));
        if (realtime) {
            s.put("model", c.model());
            s.put("instructions", c.instructions());
            s.put("voice", c.voice());
            s.put("output_audio_format", OpenAiNames.betaName(c.outputFormat()));
            s.put("speed", c.speed());
            s.set("tools", c.tools().deepCopy());
            s.set("tool_choice", c.toolChoice().deepCopy());
            s.put("temperature", c.temperature() == null ? 0.8 : c.temperature());
            putMaxTokens(s, "max_response_output_tokens", c.maxOutputTokens());
            s.set("tracing", c.tracing().deepCopy());
        }
        s.put("input_audio_format", OpenAiNames.betaName(c.inputFormat()));
        s.set("input_audio_transcription", c.transcription() == null ? F.nullNode() : c.transcription().deepCopy());
        s.set("input_audio_noise_reduction", c.noiseReduction() == null ? F.nullNode()
                : F.objectNode().put("type", c.noiseReduction()));
        s.set("turn_detection", turnDetection(c.turnDetection()));
        s.set("include", c.include().deepCopy());
        s.set("parley", parley(id, c));
        return s;
    }

    public static ObjectNode format(WireFormat f) {
        ObjectNode o = F.objectNode().put("type", OpenAiNames.gaType(f));
        if (f == WireFormat.PCM16_24K) {
            o.put("rate", f.sampleRate());
        }
        return o;
    }

    static ArrayNode modalities(boolean audio, boolean beta) {
        ArrayNode a = F.arrayNode();
        if (beta) {
            a.add("text");
            if (audio) {
                a.add("audio");
            }
        } else {
            a.add(audio ? "audio" : "text");
        }
        return a;
    }

    static void putMaxTokens(ObjectNode o, String key, Integer max) {
        if (max == null) {
            o.put(key, "inf");
        } else {
            o.put(key, max);
        }
    }

    static com.fasterxml.jackson.databind.JsonNode turnDetection(TurnDetection t) {
        if (t == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        if (t.type() == TurnDetection.Type.SERVER_VAD) {
            o.put("type", "server_vad");
            o.put("threshold", t.threshold());
            o.put("prefix_padding_ms", t.prefixPaddingMs());
            o.put("silence_duration_ms", t.silenceDurationMs());
            if (t.idleTimeoutMs() == null) {
                o.putNull("idle_timeout_ms");
            } else {
                o.put("idle_timeout_ms", t.idleTimeoutMs());
            }
        } else {
            o.put("type", "semantic_vad");
            o.put("eagerness", t.eagerness());
        }
        o.put("create_response", t.createResponse());
        o.put("interrupt_response", t.interruptResponse());
        return o;
    }

    private static ObjectNode parley(SessionIdentity id, SessionConfig c) {
        ObjectNode p = F.objectNode().put("pipeline", id.pipeline());
        if (id.variant() == null) {
            p.putNull("variant");
        } else {
            p.put("variant", id.variant());
        }
        p.set("false_interruption", c.falseInterruption().toJson());
        return p;
    }
}
