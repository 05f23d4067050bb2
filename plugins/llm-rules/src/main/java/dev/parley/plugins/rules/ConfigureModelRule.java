package dev.parley.plugins.rules;

import java.util.Optional;

/** Explains how to replace this responder with a real model when the user asks about models or configuration. */
final class ConfigureModelRule implements ResponderRule {
    static final String HOW_TO = "To talk to a real model, set PARLEY_LLM_BASE_URL to an OpenAI-compatible "
            + "endpoint, or OPENAI_API_KEY to use OpenAI itself, optionally PARLEY_LLM_MODEL to choose the model, "
            + "and restart Parley.";

    @Override
    public Optional<Reply> reply(Conversation c) {
        boolean aboutModels = c.hasWord("llm", "llms", "openai", "gpt", "chatgpt", "ollama", "model", "models")
                || c.hasPhrase("api key", "language model", "real model", "smarter");
        boolean asksHow = c.hasWord("configure", "configuration", "setup", "connect", "use", "switch", "change",
                "enable", "install", "how", "real", "smarter", "better");
        if (aboutModels && asksHow || c.hasPhrase("configure a model", "set up a model", "real model")) {
            return Optional.of(Reply.text("I'm only the built-in rule-based responder. " + HOW_TO
                    + " Parley says at start-up which model it uses."));
        }
        return Optional.empty();
    }
}
