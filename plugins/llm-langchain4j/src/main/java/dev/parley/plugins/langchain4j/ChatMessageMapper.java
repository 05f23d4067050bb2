package dev.parley.plugins.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parley's {@link LlmRequest} → LangChain4j {@link ChatRequest}: instructions become the system message, user text
 * a user message, assistant text and its tool calls an AI message with tool execution requests, tool outputs tool
 * result messages; tools become tool specifications; tool choice, temperature and the output limit carry over.
 * A forced function ({@code tool_choice: {type: function, name}}) becomes "required" with only that tool offered,
 * which every OpenAI-compatible server understands.
 */
public final class ChatMessageMapper {
    private ChatMessageMapper() {
    }

    public static ChatRequest toChatRequest(LlmRequest request) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages(request));
        List<ToolSpec> tools = offeredTools(request);
        if (!tools.isEmpty()) {
            List<ToolSpecification> specs = new ArrayList<>();
            tools.forEach(t -> specs.add(ToolSchemaMapper.toSpecification(t)));
            builder.toolSpecifications(specs).toolChoice(switch (request.toolChoice().mode()) {
                case AUTO -> dev.langchain4j.model.chat.request.ToolChoice.AUTO;
                case NONE -> dev.langchain4j.model.chat.request.ToolChoice.NONE;
                case REQUIRED, FUNCTION -> dev.langchain4j.model.chat.request.ToolChoice.REQUIRED;
            });
        }
        if (request.temperature() != null) {
            builder.temperature(request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            builder.maxOutputTokens(request.maxOutputTokens());
        }
        return builder.build();
    }

    static List<dev.langchain4j.data.message.ChatMessage> messages(LlmRequest request) {
        List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>();
        if (!request.instructions().isBlank()) {
            out.add(SystemMessage.from(request.instructions()));
        }
        Map<String, String> toolNamesByCallId = new HashMap<>();
        for (ChatMessage m : request.messages()) {
            switch (m) {
                case ChatMessage.System s -> {
                    if (!isBlank(s.text())) {
                        out.add(SystemMessage.from(s.text()));
                    }
                }
                case ChatMessage.User u -> out.add(UserMessage.from(u.text() == null ? "" : u.text()));
                case ChatMessage.Assistant a -> {
                    List<ToolExecutionRequest> calls = new ArrayList<>();
                    for (ToolCall c : a.toolCalls()) {
                        toolNamesByCallId.put(c.callId(), c.name());
                        calls.add(ToolExecutionRequest.builder().id(c.callId()).name(c.name())
                                .arguments(c.argumentsJson()).build());
                    }
                    if (!calls.isEmpty()) {
                        out.add(AiMessage.from(isBlank(a.text()) ? null : a.text(), calls));
                    } else if (!isBlank(a.text())) {
                        out.add(AiMessage.from(a.text()));
                    }
                }
                case ChatMessage.ToolResult r -> out.add(ToolExecutionResultMessage.from(r.callId(),
                        r.toolName() != null ? r.toolName() : toolNamesByCallId.getOrDefault(r.callId(), "tool"),
                        r.output() == null ? "" : r.output()));
            }
        }
        return out;
    }

    private static List<ToolSpec> offeredTools(LlmRequest request) {
        if (request.toolChoice().mode() != ToolChoice.Mode.FUNCTION) {
            return request.tools();
        }
        String name = request.toolChoice().functionName();
        List<ToolSpec> forced = request.tools().stream().filter(t -> t.name().equals(name)).toList();
        if (forced.isEmpty()) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST,
                    "tool_choice names function '" + name + "', but the session declares no tool by that name");
        }
        return forced;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
