package dev.parley.plugins.pocketsphinx;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code stt-pocketsphinx} plugin. */
public class PocketsphinxPlugin extends Plugin {
}
