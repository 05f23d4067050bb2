package dev.parley.plugins.marytts;

import org.pf4j.Plugin;

/**
 * PF4J entry point of the {@code tts-marytts} plugin. MaryTTS itself starts lazily, once, when the first
 * {@code marytts} engine is created ({@link MaryRuntime}), so loading the plugin costs nothing until a pipeline
 * uses it; stopping the plugin shuts MaryTTS down.
 */
public class MaryTtsPlugin extends Plugin {
    @Override
    public void stop() {
        MaryRuntime.shutdown();
    }
}
