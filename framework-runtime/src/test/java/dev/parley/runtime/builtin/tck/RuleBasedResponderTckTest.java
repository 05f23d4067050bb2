package dev.parley.runtime.builtin.tck;

import dev.parley.api.llm.LlmProvider;
import dev.parley.runtime.builtin.llm.RuleBasedResponderProvider;
import dev.parley.tck.LlmTck;

/**
 * The conformance kit's LLM suite on the built-in rule-based responder. (The responder is moving to
 * plugins/llm-rules; this test moves with it.) It cannot fail, so the failure check is skipped.
 */
class RuleBasedResponderTckTest extends LlmTck {
    @Override
    protected LlmProvider provider() {
        return new RuleBasedResponderProvider();
    }
}
