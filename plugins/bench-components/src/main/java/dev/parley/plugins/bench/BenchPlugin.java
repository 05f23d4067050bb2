package dev.parley.plugins.bench;

import org.pf4j.Plugin;

/**
 * PF4J entry point of the {@code bench-components} plugin: stand-ins that cost (almost) no CPU, so a capacity
 * benchmark measures the framework alone. Never use them to judge speech quality: they do not listen or think.
 */
public class BenchPlugin extends Plugin {
}
