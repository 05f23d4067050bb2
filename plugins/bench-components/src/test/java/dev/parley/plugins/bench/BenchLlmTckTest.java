package dev.parley.plugins.bench;

import dev.parley.api.llm.LlmProvider;
import dev.parley.api.llm.LlmRequest;
import dev.parley.tck.LlmTck;

import java.util.Optional;

/**
 * The conformance kit's LLM suite on the zero-cost bench stand-in (contracts only: it does not think). It streams
 * a fixed reply and never calls tools, even when one is forced, so the tool-call check is not asked for.
 */
class BenchLlmTckTest extends LlmTck {
    @Override
    protected LlmProvider provider() {
        return new BenchLlmProvider();
    }

    @Override
    protected Optional<LlmRequest> toolRequest() {
        return Optional.empty();
    }
}
