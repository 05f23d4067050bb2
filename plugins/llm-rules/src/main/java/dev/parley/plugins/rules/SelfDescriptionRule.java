package dev.parley.plugins.rules;

import java.util.Optional;

/**
 * Answers "who/what are you" and "what can you do" truthfully: a rule-based responder with a short list of skills,
 * and how to switch to a real model.
 */
final class SelfDescriptionRule implements ResponderRule {
    static final String CAPABILITIES = "I can greet you, tell you the time and the date, do simple arithmetic "
            + "such as twelve times seven, spell a word, tell a short story, call a tool your session declares, "
            + "and read its result back to you. Anything else I simply repeat back to you.";

    @Override
    public Optional<Reply> reply(Conversation c) {
        if (c.hasPhrase("what can you do", "what do you do", "what are you able to do", "what can i ask",
                "what can i say", "help me", "help") || c.normalized().equals("help")) {
            return Optional.of(Reply.text(CAPABILITIES));
        }
        if (c.hasPhrase("who are you", "what are you", "your name", "who am i talking to", "who is this",
                "are you a robot", "are you human", "are you an ai", "are you real", "are you a bot",
                "are you chatgpt", "are you an llm", "introduce yourself")) {
            return Optional.of(Reply.text("I'm Parley's built-in rule-based responder. I am not a language "
                    + "model: I follow a few simple rules and repeat back what I don't understand. "
                    + ConfigureModelRule.HOW_TO));
        }
        return Optional.empty();
    }
}
