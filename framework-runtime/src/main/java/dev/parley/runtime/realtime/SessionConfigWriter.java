package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;

/**
 * Renders the full effective session for {@code session.created}/{@code session.updated} in either dialect as a
 * {@link WireSession} record. The JSON values of the configuration are shared, not copied: the configuration
 * never mutates them and the records are only serialized.
 */
public final class SessionConfigWriter {
    private SessionConfigWriter() {
    }

    static WireSession write(SessionConfig c, SessionIdentity id, Dialect dialect) {
        return dialect == Dialect.BETA ? betaRecord(c, id) : gaRecord(c, id);
    }

    /** GA nested shape (catalog §6.1) as a JSON tree, for replies that add to it or tests that read it. */
    public static ObjectNode ga(SessionConfig c, SessionIdentity id) {
        return EventEmitter.MAPPER.valueToTree(gaRecord(c, id));
    }

    /** Beta flat shape (catalog §6.2) as a JSON tree. */
    public static ObjectNode beta(SessionConfig c, SessionIdentity id) {
        return EventEmitter.MAPPER.valueToTree(betaRecord(c, id));
    }

    static WireSession.Ga gaRecord(SessionConfig c, SessionIdentity id) {
        boolean realtime = c.type() == SessionConfig.Type.REALTIME;
        WireSession.GaInput in = new WireSession.GaInput(format(c.inputFormat()), c.transcription(),
                noiseReduction(c), turnDetection(c.turnDetection()));
        WireSession.GaOutput out = realtime
                ? new WireSession.GaOutput(format(c.outputFormat()), c.voice(), c.speed()) : null;
        return new WireSession.Ga(realtime ? "realtime" : "transcription", object(realtime), id.id(),
                realtime ? c.model() : null, realtime ? List.of(c.audioOutput() ? "audio" : "text") : null,
                realtime ? c.instructions() : null, new WireSession.GaAudio(in, out),
                realtime ? c.tools() : null, realtime ? c.toolChoice() : null,
                realtime ? maxTokens(c.maxOutputTokens()) : null, realtime ? c.tracing() : null,
                realtime ? c.truncation() : null, realtime ? c.prompt() : null,
                id.expiresAt(), c.include(), parley(id, c));
    }

    static WireSession.Beta betaRecord(SessionConfig c, SessionIdentity id) {
        boolean realtime = c.type() == SessionConfig.Type.REALTIME;
        return new WireSession.Beta(id.id(), object(realtime), id.expiresAt(),
                c.audioOutput() ? List.of("text", "audio") : List.of("text"),
                realtime ? c.model() : null, realtime ? c.instructions() : null, realtime ? c.voice() : null,
                realtime ? OpenAiNames.betaName(c.outputFormat()) : null, realtime ? c.speed() : null,
                realtime ? c.tools() : null, realtime ? c.toolChoice() : null,
                realtime ? (c.temperature() == null ? 0.8 : c.temperature()) : null,
                realtime ? maxTokens(c.maxOutputTokens()) : null, realtime ? c.tracing() : null,
                OpenAiNames.betaName(c.inputFormat()), c.transcription(), noiseReduction(c),
                turnDetection(c.turnDetection()), c.include(), parley(id, c));
    }

    static WireSession.Format format(WireFormat f) {
        return new WireSession.Format(OpenAiNames.gaType(f), f == WireFormat.PCM16_24K ? f.sampleRate() : null);
    }

    private static String object(boolean realtime) {
        return realtime ? "realtime.session" : "realtime.transcription_session";
    }

    private static Object maxTokens(Integer max) {
        return max == null ? "inf" : max;
    }

    private static WireSession.NoiseReduction noiseReduction(SessionConfig c) {
        return c.noiseReduction() == null ? null : new WireSession.NoiseReduction(c.noiseReduction());
    }

    static WireSession.TurnDetection turnDetection(TurnDetection t) {
        if (t == null) {
            return null;
        }
        return t.type() == TurnDetection.Type.SERVER_VAD
                ? new WireSession.ServerVad("server_vad", t.threshold(), t.prefixPaddingMs(), t.silenceDurationMs(),
                        t.idleTimeoutMs(), t.createResponse(), t.interruptResponse())
                : new WireSession.SemanticVad("semantic_vad", t.eagerness(), t.createResponse(), t.interruptResponse());
    }

    private static WireSession.Parley parley(SessionIdentity id, SessionConfig c) {
        return new WireSession.Parley(id.pipeline(), id.variant(),
                new WireSession.Resume(c.falseInterruption().enabled(), c.falseInterruption().windowMs()));
    }
}
