package dev.parley.runtime.realtime;

import dev.parley.api.llm.TokenUsage;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.ResponseOptions;
import dev.parley.runtime.conversation.ResponseOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@code realtime.response} object ({@link WireResponse}) and the small payloads sent around it. */
final class ResponseJson {
    private ResponseJson() {
    }

    static WireResponse response(ConversationEvent.ResponseRef ref, String status,
                                 WireResponse.StatusDetails statusDetails, TokenUsage usage, Dialect dialect) {
        ResponseOptions o = ref.options();
        List<WireItem> output = new ArrayList<>(ref.output().size());
        for (ConversationItem item : ref.output()) {
            output.add(ItemWriter.write(item, dialect, false));
        }
        Object maxTokens = o.maxOutputTokens() == null ? "inf" : o.maxOutputTokens();
        WireUsage u = usage == null ? null : usage(usage);
        if (dialect == Dialect.BETA) {
            return new WireResponse.Beta(WireResponse.OBJECT, ref.id(), status, statusDetails, output,
                    ref.conversationId(), o.audio() ? List.of("text", "audio") : List.of("text"), o.voice(),
                    OpenAiNames.betaName(o.outputFormat()), o.temperature() == null ? 0.8 : o.temperature(),
                    maxTokens, u, metadata(o));
        }
        return new WireResponse.Ga(WireResponse.OBJECT, ref.id(), status, statusDetails, output,
                ref.conversationId(), List.of(o.audio() ? "audio" : "text"), new WireResponse.Audio(
                        new WireResponse.Output(SessionConfigWriter.format(o.outputFormat()), o.voice())),
                maxTokens, u, metadata(o));
    }

    /** The client's metadata; a false-interruption resume says which answer it continues. */
    private static Map<String, String> metadata(ResponseOptions o) {
        if (o.resumedFrom() != null) {
            return Map.of("parley_resumed", o.resumedFrom());
        }
        return o.metadata() == null ? null : new LinkedHashMap<>(o.metadata());
    }

    static String status(ResponseOutcome outcome) {
        return outcome.status().name().toLowerCase(Locale.ROOT);
    }

    static WireResponse.StatusDetails statusDetails(ResponseOutcome outcome) {
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

    static WireUsage usage(TokenUsage u) {
        return WireUsage.of(u);
    }

    static WireResponse.StatusDetails cancelled(String reason) {
        return new WireResponse.Ended("cancelled", reason);
    }

    static WireResponse.StatusDetails incomplete(String reason) {
        return new WireResponse.Ended("incomplete", reason);
    }

    static WireResponse.StatusDetails failed(String type, String code, String message) {
        return new WireResponse.Failed("failed", new WireResponse.Error(type, code, message));
    }

    /**
     * Parley imposes no rate limits; clients still expect this event after {@code response.done}, so it reports
     * a token budget that is never drawn down.
     */
    /** Parley meters no tokens, so clients that throttle on this event are told there is room. */
    static List<ServerEvent.RateLimit> rateLimits() {
        return List.of(new ServerEvent.RateLimit("tokens", 1_000_000, 1_000_000, 0.0));
    }
}
