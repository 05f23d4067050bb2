package dev.parley.plugins.rules;

import java.util.Optional;

/** The fallback: repeats back what was understood and says what the responder can do instead. */
final class EchoRule implements ResponderRule {
    @Override
    public Optional<Reply> reply(Conversation c) {
        String said = c.userText().replaceAll("[\\s?!.,;:]+$", "");
        if (said.isEmpty()) {
            return Optional.of(Reply.text(GreetingRule.GREETING));
        }
        return Optional.of(Reply.text("I understood: \"" + said + "\". I'm a rule-based responder, not a "
                + "language model, so I have no rule for that. You can ask me the time, a sum like twelve times "
                + "seven, or for a short story."));
    }
}
