package dev.parley.plugins.langchain4j;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code llm-langchain4j} plugin. */
public class LangChain4jPlugin extends Plugin {
}
