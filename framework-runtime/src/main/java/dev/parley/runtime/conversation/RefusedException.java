package dev.parley.runtime.conversation;

/**
 * Thrown inside the core where a command cannot be honoured, so a half-done command unwinds before anything
 * changes; {@link ConversationCore#handle} turns it into a {@link ConversationEvent.Refused}.
 */
final class RefusedException extends RuntimeException {
    private final Refusal refusal;

    RefusedException(Refusal refusal) {
        super(refusal.toString(), null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}
