package dev.parley.plugins.rules;

import java.util.Optional;

/**
 * Greets back (and greets first when a response is requested before the user said anything); also answers
 * "how are you", thanks and goodbyes, which are part of any greeting exchange.
 */
final class GreetingRule implements ResponderRule {
    static final String GREETING = "Hello! I'm Parley's built-in rule-based responder, not a language model. "
            + "Ask me the time, a sum like twelve times seven, or for a short story.";

    @Override
    public Optional<Reply> reply(Conversation c) {
        if (c.normalized().isEmpty()) {
            return Optional.of(Reply.text(GREETING));
        }
        if (c.hasPhrase("how are you", "how are you doing", "how is it going", "how's it going")) {
            return Optional.of(Reply.text("I'm running fine, thank you for asking. I'm a simple rule-based "
                    + "responder, so I have no feelings to report. What can I do for you?"));
        }
        if (c.hasWord("thanks", "thank", "cheers")) {
            return Optional.of(Reply.text("You're welcome!"));
        }
        if (c.hasWord("bye", "goodbye") || c.hasPhrase("see you", "good night")) {
            return Optional.of(Reply.text("Goodbye! Talk to you soon."));
        }
        if (c.hasWord("hello", "hi", "hey", "hiya", "howdy", "greetings", "yo")
                || c.hasPhrase("good morning", "good afternoon", "good evening")) {
            return Optional.of(Reply.text(GREETING));
        }
        return Optional.empty();
    }
}
