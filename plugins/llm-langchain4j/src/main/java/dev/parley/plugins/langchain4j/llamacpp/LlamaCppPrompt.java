package dev.parley.plugins.langchain4j.llamacpp;

import de.kherud.llama.Pair;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * LangChain4j messages → the (system, user/assistant turns) shape de.kherud's chat template call accepts. That API
 * knows only one system message and the user and assistant roles, so extra system text is joined into the first,
 * tool calls are told as assistant text and tool results as user text — the model still sees what happened.
 *
 * @param system the system prompt ("" when none)
 * @param turns  role ("user" or "assistant") and content, oldest first
 */
record LlamaCppPrompt(String system, List<Pair<String, String>> turns) {

    static LlamaCppPrompt of(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            switch (m) {
                case SystemMessage s -> system.append(system.isEmpty() ? "" : "\n\n").append(s.text());
                case UserMessage u -> turns.add(new Pair<>("user", u.singleText()));
                case AiMessage a -> turns.add(new Pair<>("assistant", assistantText(a)));
                case ToolExecutionResultMessage r -> turns.add(new Pair<>("user",
                        "Result of tool " + r.toolName() + ": " + r.text()));
                default -> {
                    // other message kinds (custom) carry nothing a text-only prompt can use
                }
            }
        }
        return new LlamaCppPrompt(system.toString(), turns);
    }

    private static String assistantText(AiMessage a) {
        StringBuilder text = new StringBuilder(a.text() == null ? "" : a.text());
        if (a.hasToolExecutionRequests()) {
            for (ToolExecutionRequest r : a.toolExecutionRequests()) {
                text.append(text.isEmpty() ? "" : "\n").append("(called tool ").append(r.name()).append(" with ")
                        .append(r.arguments()).append(")");
            }
        }
        return text.toString();
    }
}
