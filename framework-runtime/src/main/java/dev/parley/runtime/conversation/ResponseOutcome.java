package dev.parley.runtime.conversation;

/**
 * How a response ended.
 *
 * @param reason       why it was cancelled or incomplete; null when completed or failed
 * @param errorCode    a failed response's stable code (e.g. {@code llm_timeout}); else null
 * @param errorMessage a failed response's text for the client; else null
 */
public record ResponseOutcome(Status status, Reason reason, String errorCode, String errorMessage) {
    public enum Status { COMPLETED, INCOMPLETE, CANCELLED, FAILED }

    /** {@code LLM_STALLED}: the model went silent after its first tokens; what it had said was kept. */
    public enum Reason { TURN_DETECTED, CLIENT_CANCELLED, MAX_OUTPUT_TOKENS, CONTENT_FILTER, LLM_STALLED }

    public static final ResponseOutcome COMPLETED = new ResponseOutcome(Status.COMPLETED, null, null, null);

    public static ResponseOutcome cancelled(Reason reason) {
        return new ResponseOutcome(Status.CANCELLED, reason, null, null);
    }

    public static ResponseOutcome incomplete(Reason reason) {
        return new ResponseOutcome(Status.INCOMPLETE, reason, null, null);
    }

    public static ResponseOutcome failed(String code, String message) {
        return new ResponseOutcome(Status.FAILED, null, code, message);
    }
}
