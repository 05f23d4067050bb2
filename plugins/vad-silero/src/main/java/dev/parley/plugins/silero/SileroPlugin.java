package dev.parley.plugins.silero;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code vad-silero} plugin. */
public class SileroPlugin extends Plugin {
}
