package dev.parley.plugins.whisper;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code stt-whisper} plugin. */
public class WhisperPlugin extends Plugin {
}
