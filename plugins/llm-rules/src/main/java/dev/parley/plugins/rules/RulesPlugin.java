package dev.parley.plugins.rules;

import org.pf4j.Plugin;

/**
 * PF4J entry point of the {@code llm-rules} plugin: the offline rule-based responder, {@code llm: rules}. It holds
 * no resources, so it has nothing to start or stop; the provider is found as an {@code @Extension}.
 */
public class RulesPlugin extends Plugin {
}
