package dev.parley.plugins.rules;

import java.util.Optional;

/** One behaviour of the rule-based responder: answers when the conversation fits it, stays silent otherwise. */
interface ResponderRule {
    Optional<Reply> reply(Conversation conversation);
}
