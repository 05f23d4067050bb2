package dev.parley.runtime.engine.response;

import java.util.ArrayList;
import java.util.List;

/**
 * One response's tool-call events, kept in order behind the speech that preceded them, so the client gets the
 * message item before the function_call item; in turn-based mode every call waits for the end. On the actor.
 */
final class ToolCallGate {
    private final List<Runnable> held = new ArrayList<>(0);
    private final boolean holdAll;

    ToolCallGate(boolean holdAll) {
        this.holdAll = holdAll;
    }

    /** {@code speechBefore}: the response has text that is being spoken ahead of this call. */
    void offer(Runnable event, boolean speechBefore) {
        if (holdAll || speechBefore || !held.isEmpty()) {
            held.add(event);
        } else {
            event.run();
        }
    }

    /** The speech is delivered: the calls follow it. */
    void release() {
        for (Runnable r : held) {
            r.run();
        }
        held.clear();
    }

    /** Speech stopped for good (a held run): the calls the user never heard are not made. */
    void drop() {
        held.clear();
    }
}
