package dev.parley.api.llm;

/**
 * Why a generation failed, classified so the runtime can report it with a stable code.
 */
public class LlmException extends RuntimeException {
    /** Failure classes; the runtime maps them to the response's {@code status_details.error.code}. */
    public enum Kind {
        /** 401/403: bad or missing API key. */
        AUTHENTICATION,
        /** 429: rate limited or quota exhausted. */
        RATE_LIMITED,
        /** No answer in time. */
        TIMEOUT,
        /** Connection refused, DNS failure, reset. */
        CONNECTION,
        /** The server's answer could not be understood. */
        MALFORMED_RESPONSE,
        /** The request was rejected (400, context too long, …). */
        INVALID_REQUEST,
        /** Anything else. */
        OTHER
    }

    private final Kind kind;

    public LlmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public LlmException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
