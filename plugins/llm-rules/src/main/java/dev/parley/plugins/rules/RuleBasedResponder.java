package dev.parley.plugins.rules;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmListener;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.LlmStream;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The engine of the rule-based responder: picks the first rule that answers the conversation and
 * streams its reply word by word. Stateless apart from the story rotation, so one instance serves every session.
 */
public final class RuleBasedResponder implements LlmEngine {
    private final RulesConfig config;
    private final List<ResponderRule> rules;

    public RuleBasedResponder(RulesConfig config) {
        this(config, Clock.system(config.zone()));
    }

    RuleBasedResponder(RulesConfig config, Clock clock) {
        this.config = config;
        // Order matters: tool results and explicit tool requests first, the echo fallback last.
        this.rules = List.of(new ToolResultRule(), new ToolCallRule(), new ConfigureModelRule(), new StoryRule(),
                new SpellingRule(), new ArithmeticRule(), new ClockRule(clock), new SelfDescriptionRule(),
                new GreetingRule(), new EchoRule());
    }

    @Override
    public LlmStream stream(LlmRequest request, LlmListener listener) {
        Conversation conversation = Conversation.of(request);
        Reply reply = rules.stream().map(r -> r.reply(conversation)).flatMap(Optional::stream).findFirst()
                .orElseThrow();
        WordByWordStream stream = new WordByWordStream(reply, listener, config.wordDelay(),
                request.maxOutputTokens(), inputTokens(request));
        stream.start();
        return stream;
    }

    @Override
    public String describe() {
        return "rules: Parley's built-in rule-based responder (not a language model; set PARLEY_LLM_BASE_URL or "
                + "OPENAI_API_KEY to use a real one)";
    }

    private static int inputTokens(LlmRequest request) {
        int n = WordByWordStream.countWords(request.instructions());
        for (ChatMessage m : request.messages()) {
            n += WordByWordStream.countWords(switch (m) {
                case ChatMessage.System s -> s.text();
                case ChatMessage.User u -> u.text();
                case ChatMessage.Assistant a -> a.text();
                case ChatMessage.ToolResult r -> r.output();
            });
        }
        return n;
    }
}
