package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.parley.api.llm.TokenUsage;

/** A response's {@code usage} object (catalog §8.2) as a Jackson-bound record, in OpenAI's field order. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record WireUsage(int totalTokens, int inputTokens, int outputTokens, InputDetails inputTokenDetails,
                 OutputDetails outputTokenDetails) {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InputDetails(int textTokens, int audioTokens, int imageTokens, int cachedTokens,
                        CachedDetails cachedTokensDetails) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CachedDetails(int textTokens, int audioTokens, int imageTokens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OutputDetails(int textTokens, int audioTokens) {
    }

    /**
     * The LLM writes text and speech is synthesised from it, so every output token is a text token and the input
     * is counted as text (the audio was transcribed before the model saw it).
     */
    static WireUsage of(TokenUsage u) {
        return new WireUsage(u.totalTokens(), u.inputTokens(), u.outputTokens(),
                new InputDetails(u.inputTokens(), 0, 0, 0, new CachedDetails(0, 0, 0)),
                new OutputDetails(u.outputTokens(), 0));
    }
}
