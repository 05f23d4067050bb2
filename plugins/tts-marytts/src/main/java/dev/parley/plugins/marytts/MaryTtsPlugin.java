package dev.parley.plugins.marytts;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code tts-marytts} plugin. */
public class MaryTtsPlugin extends Plugin {
}
