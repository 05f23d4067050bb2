package dev.parley.runtime.conversation;

/**
 * The owner of the named turn states: the only place {@link UserState} and {@link AgentState} change, each
 * change announced as a state event. Callers say what happened; this class decides what it means for the state.
 */
final class TurnStates {
    private final EventBus bus;
    private UserState user = UserState.LISTENING;
    private AgentState agent = AgentState.IDLE;

    TurnStates(EventBus bus) {
        this.bus = bus;
    }

    UserState user() {
        return user;
    }

    AgentState agent() {
        return agent;
    }

    /** Speech onset. */
    void speechStarted() {
        user(UserState.USER_SPEAKING);
    }

    /** The utterance ended (turn end, commit or idle timeout); {@code transcriptsPending}: finals still due. */
    void utteranceEnded(boolean transcriptsPending) {
        user(transcriptsPending ? UserState.AWAITING_TRANSCRIPT : UserState.LISTENING);
    }

    /** No final transcript is due any more. */
    void transcriptsSettled() {
        if (user == UserState.AWAITING_TRANSCRIPT) {
            user(UserState.LISTENING);
        }
    }

    /** The input buffer was cleared: any speech in progress is dropped. */
    void inputCleared() {
        if (user == UserState.USER_SPEAKING) {
            user(UserState.LISTENING);
        }
    }

    /** A response writing to the conversation started (also a resumed one). */
    void responseStarted() {
        agent(AgentState.THINKING);
    }

    /** That response sent its first text or audio. */
    void responseSpeaking() {
        if (agent == AgentState.THINKING) {
            agent(AgentState.SPEAKING);
        }
    }

    /** That response is over. A held generation outlives it, so the held state stays. */
    void responseEnded() {
        if (agent == AgentState.THINKING || agent == AgentState.SPEAKING) {
            agent(AgentState.IDLE);
        }
    }

    /** Barge-in with resume on: the answer's generation is held until the interruption is judged. */
    void heldForVerdict() {
        agent(AgentState.HELD_FOR_VERDICT);
    }

    /** The interruption was real (or judged too late): the held generation is dropped. */
    void heldDropped() {
        if (agent == AgentState.HELD_FOR_VERDICT) {
            agent(AgentState.IDLE);
        }
    }

    private void user(UserState next) {
        if (next != user) {
            UserState from = user;
            user = next;
            bus.emit(new ConversationEvent.UserStateChanged(System.nanoTime(), from, next));
        }
    }

    private void agent(AgentState next) {
        if (next != agent) {
            AgentState from = agent;
            agent = next;
            bus.emit(new ConversationEvent.AgentStateChanged(System.nanoTime(), from, next));
        }
    }
}
