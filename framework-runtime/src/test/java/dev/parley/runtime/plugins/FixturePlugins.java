package dev.parley.runtime.plugins;

import dev.parley.api.llm.LlmProvider;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.vad.VadProvider;

/** Ready-made fixture plugins for the loader, registry and CLI tests. */
public final class FixturePlugins {
    private static final String NOT_FOR_RUNNING = "throw new UnsupportedOperationException(\"fixture: not for running\");";

    private FixturePlugins() {
    }

    /**
     * Plugin {@code fixture-voice} 1.2.3 with providers vad {@code fixture-vad} (its engine reports the config's
     * {@code rate}), stt {@code fixture-stt}, llm {@code fixture-llm}, tts {@code fixture-tts}.
     */
    public static FixturePlugin voice() {
        return FixturePlugin.named("fixture-voice").version("1.2.3")
                .source("fixture.voice.VoicePlugin", "package fixture.voice;\n"
                        + "public class VoicePlugin extends org.pf4j.Plugin {}\n")
                .pluginClass("fixture.voice.VoicePlugin")
                .provider("fixture.voice", "FixtureVad", VadProvider.class, "fixture-vad",
                        "return new dev.parley.api.vad.VadEngine() {\n"
                                + "  public int sampleRate() { return config.integer(\"rate\", 16000); }\n"
                                + "  public int frameSamples() { return 512; }\n"
                                + "  public dev.parley.api.vad.VadStream open() { " + NOT_FOR_RUNNING + " }\n"
                                + "};")
                .provider("fixture.voice", "FixtureStt", SttProvider.class, "fixture-stt", NOT_FOR_RUNNING)
                .provider("fixture.voice", "FixtureLlm", LlmProvider.class, "fixture-llm", NOT_FOR_RUNNING)
                .provider("fixture.voice", "FixtureTts", TtsProvider.class, "fixture-tts", NOT_FOR_RUNNING);
    }

    /** A plugin {@code pluginId} with one stt provider {@code sttId}. */
    public static FixturePlugin singleStt(String pluginId, String pkg, String sttId) {
        return FixturePlugin.named(pluginId)
                .provider(pkg, "Stt", SttProvider.class, sttId, NOT_FOR_RUNNING);
    }
}
