package dev.parley.plugins.rules;

import dev.parley.api.llm.LlmProvider;
import dev.parley.tck.LlmTck;

/** The conformance kit's LLM suite on the rule-based responder. It cannot fail, so the failure check is skipped. */
class RuleBasedResponderTckTest extends LlmTck {
    @Override
    protected LlmProvider provider() {
        return new RuleBasedResponderProvider();
    }
}
