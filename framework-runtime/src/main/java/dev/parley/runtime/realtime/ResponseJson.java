package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.api.llm.TokenUsage;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.ResponseOptions;
import dev.parley.runtime.conversation.ResponseOutcome;
import java.util.Locale;

/** The {@code realtime.response} object (catalog §8.2) and the small payloads sent around it. */
final class ResponseJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResponseJson() {
    }

    static ObjectNode response(ConversationEvent.ResponseRef ref, String status, JsonNode statusDetails,
                               TokenUsage usage, Dialect dialect) {
        ResponseOptions o = ref.options();
        ObjectNode r = F.objectNode();
        r.put("object", "realtime.response");
        r.put("id", ref.id());
        r.put("status", status);
        r.set("status_details", statusDetails == null ? F.nullNode() : statusDetails);
        ArrayNode out = r.putArray("output");
        for (ConversationItem item : ref.output()) {
            out.add(ItemWriter.write(item, dialect, false));
        }
        r.put("conversation_id", ref.conversationId());
        if (dialect == Dialect.BETA) {
            r.set("modalities", SessionConfigWriter.modalities(o.audio(), true));
            r.put("voice", o.voice());
            r.put("output_audio_format", OpenAiNames.betaName(o.outputFormat()));
            r.put("temperature", o.temperature() == null ? 0.8 : o.temperature());
        } else {
            r.set("output_modalities", SessionConfigWriter.modalities(o.audio(), false));
            ObjectNode audioOut = r.putObject("audio").putObject("output");
            audioOut.set("format", SessionConfigWriter.format(o.outputFormat()));
            audioOut.put("voice", o.voice());
        }
        SessionConfigWriter.putMaxTokens(r, "max_output_tokens", o.maxOutputTokens());
        r.set("usage", usage == null ? F.nullNode() : usage(usage, o.audio()));
        r.set("metadata", metadata(o));
        return r;
    }

    /** The client's metadata; a false-interruption resume says which answer it continues. */
    private static JsonNode metadata(ResponseOptions o) {
        if (o.resumedFrom() != null) {
            return F.objectNode().put("parley_resumed", o.resumedFrom());
        }
        if (o.metadata() == null) {
            return F.nullNode();
        }
        ObjectNode m = F.objectNode();
        o.metadata().forEach(m::put);
        return m;
    }

    static String status(ResponseOutcome outcome) {
        return outcome.status().name().toLowerCase(Locale.ROOT);
    }

    static JsonNode statusDetails(ResponseOutcome outcome) {
        return switch (outcome.status()) {
            case COMPLETED -> null;
            case CANCELLED -> cancelled(reason(outcome));
            case INCOMPLETE -> incomplete(reason(outcome));
            case FAILED -> failed("server_error", outcome.errorCode(), outcome.errorMessage());
        };
    }

    private static String reason(ResponseOutcome outcome) {
        return outcome.reason().name().toLowerCase(Locale.ROOT);
    }

    static ObjectNode usage(TokenUsage u, boolean audio) {
        ObjectNode o = F.objectNode();
        o.put("total_tokens", u.totalTokens());
        o.put("input_tokens", u.inputTokens());
        o.put("output_tokens", u.outputTokens());
        ObjectNode in = o.putObject("input_token_details");
        in.put("text_tokens", u.inputTokens()).put("audio_tokens", 0).put("image_tokens", 0).put("cached_tokens", 0);
        in.putObject("cached_tokens_details").put("text_tokens", 0).put("audio_tokens", 0).put("image_tokens", 0);
        // the LLM writes text; speech is synthesised from it, so every output token is a text token
        o.putObject("output_token_details").put("text_tokens", u.outputTokens()).put("audio_tokens", 0);
        return o;
    }

    static ObjectNode cancelled(String reason) {
        return F.objectNode().put("type", "cancelled").put("reason", reason);
    }

    static ObjectNode incomplete(String reason) {
        return F.objectNode().put("type", "incomplete").put("reason", reason);
    }

    static ObjectNode failed(String type, String code, String message) {
        ObjectNode d = F.objectNode().put("type", "failed");
        d.putObject("error").put("type", type).put("code", code).put("message", message);
        return d;
    }

    /**
     * Parley imposes no rate limits; clients still expect this event after {@code response.done}, so it reports
     * a token budget that is never drawn down.
     */
    static ArrayNode rateLimits() {
        ArrayNode a = F.arrayNode();
        a.addObject().put("name", "tokens").put("limit", 1_000_000).put("remaining", 1_000_000)
                .put("reset_seconds", 0.0);
        return a;
    }
}
