package dev.parley.plugins.vosk;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code stt-vosk} plugin. */
public class VoskPlugin extends Plugin {
}
