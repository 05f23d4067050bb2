package dev.parley.api.llm;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for language models (or anything that answers like one, such as a rule-based responder). */
public interface LlmProvider extends ComponentProvider<LlmEngine> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.LLM;
    }
}
