package dev.parley.api.llm;

/** Token counts of one generation; zero when the model does not report them. */
public record TokenUsage(int inputTokens, int outputTokens) {
    public static final TokenUsage UNKNOWN = new TokenUsage(0, 0);

    public int totalTokens() {
        return inputTokens + outputTokens;
    }
}
