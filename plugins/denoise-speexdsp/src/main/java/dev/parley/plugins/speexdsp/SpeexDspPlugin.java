package dev.parley.plugins.speexdsp;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code denoise-speexdsp} plugin. */
public class SpeexDspPlugin extends Plugin {
}
