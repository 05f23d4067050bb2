package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmProvider;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.llm.ToolChoice;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * LLM doubles for the kit's self-tests: they answer by echoing the user's words one by one and call a forced
 * function with {@code {"city":"Paris"}}; {@code fail: true} in the config makes every generation fail.
 */
final class LlmDoubles {
    private LlmDoubles() {
    }

    /** Stops at cancel and reports nothing after it: passes the suite. */
    static final class WellBehaved implements LlmProvider {
        @Override
        public String id() {
            return "well-behaved-llm";
        }

        @Override
        public LlmEngine create(ComponentConfig config) {
            return new EchoEngine(true, config.bool("fail", false));
        }
    }

    /** Keeps streaming after cancel. */
    static final class IgnoresCancel implements LlmProvider {
        @Override
        public String id() {
            return "ignores-cancel";
        }

        @Override
        public LlmEngine create(ComponentConfig config) {
            return new EchoEngine(false, false);
        }
    }

    /** Reports a failure as a completion with no text, and a tool call with broken arguments. */
    static final class Malformed implements LlmProvider {
        @Override
        public String id() {
            return "malformed-llm";
        }

        @Override
        public LlmEngine create(ComponentConfig config) {
            return (request, listener) -> {
                Thread.ofVirtual().start(() -> {
                    if (!request.tools().isEmpty()) {
                        listener.onToolCall(0, new ToolCall("", "no_such_tool", "{\"city\":"));
                    }
                    listener.onTextDelta("x");
                    listener.onComplete(FinishReason.STOP, null);
                });
                return () -> { };
            };
        }
    }

    private record EchoEngine(boolean honoursCancel, boolean fail) implements LlmEngine {
        @Override
        public LlmStream stream(LlmRequest request, LlmListener listener) {
            AtomicBoolean cancelled = new AtomicBoolean();
            Object lock = new Object();
            Thread.ofVirtual().name("tck-double-llm").start(() -> {
                Calls.sleep(10);
                synchronized (lock) {
                    if (honoursCancel && cancelled.get()) {
                        return;
                    }
                    if (fail) {
                        listener.onError(new LlmException(LlmException.Kind.CONNECTION, "connection refused"));
                        return;
                    }
                }
                if (request.toolChoice().mode() == ToolChoice.Mode.FUNCTION) {
                    String name = request.toolChoice().functionName();
                    synchronized (lock) {
                        if (honoursCancel && cancelled.get()) {
                            return;
                        }
                        listener.onToolCallDelta(0, "call_1", name, "{\"city\":");
                        listener.onToolCallDelta(0, "call_1", name, "\"Paris\"}");
                        listener.onToolCall(0, new ToolCall("call_1", name, "{\"city\":\"Paris\"}"));
                        listener.onComplete(FinishReason.TOOL_CALLS, new TokenUsage(5, 5));
                    }
                    return;
                }
                String user = request.messages().stream().filter(m -> m instanceof ChatMessage.User)
                        .map(m -> ((ChatMessage.User) m).text()).reduce("", (a, b) -> b);
                String[] words = (user + " " + user + " " + user).split(" ");
                for (String w : words) {
                    Calls.sleep(10);
                    synchronized (lock) {
                        if (honoursCancel && cancelled.get()) {
                            return;
                        }
                        listener.onTextDelta(w + " ");
                    }
                }
                synchronized (lock) {
                    if (!(honoursCancel && cancelled.get())) {
                        listener.onComplete(FinishReason.STOP, new TokenUsage(words.length, words.length));
                    }
                }
            });
            return () -> {
                synchronized (lock) {
                    cancelled.set(true);
                }
            };
        }
    }
}
