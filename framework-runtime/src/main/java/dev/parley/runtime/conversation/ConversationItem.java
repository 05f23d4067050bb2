package dev.parley.runtime.conversation;

import java.util.ArrayList;
import java.util.List;

/** One conversation item (catalog §7): a message, a function call or a function call's output. */
public final class ConversationItem {
    /** {@code item.type}. */
    public enum Kind {
        MESSAGE("message"), FUNCTION_CALL("function_call"), FUNCTION_CALL_OUTPUT("function_call_output");

        public final String wire;

        Kind(String wire) {
            this.wire = wire;
        }
    }

    public final String id;
    public final Kind kind;
    /** {@code user}, {@code assistant} or {@code system}; messages only. */
    public String role;
    /** {@code completed}, {@code incomplete} or {@code in_progress}. */
    public String status = "completed";
    public final List<ContentPart> content = new ArrayList<>();
    public String callId;
    public String name;
    public String arguments;
    public String output;
    /** For user audio items: a final transcript is still expected from the input path. */
    public boolean transcriptPending;
    /** {@link System#nanoTime()} when the final transcript arrived, 0 before. */
    public long transcriptAtNanos;

    public ConversationItem(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    public static ConversationItem message(String id, String role) {
        ConversationItem i = new ConversationItem(id, Kind.MESSAGE);
        i.role = role;
        return i;
    }

    public boolean isMessage(String r) {
        return kind == Kind.MESSAGE && r.equals(role);
    }

    /** The assistant's audio part, or null. */
    public ContentPart assistantAudio() {
        for (ContentPart p : content) {
            if (p.isAssistantAudio()) {
                return p;
            }
        }
        return null;
    }
}
