package org.example.parley.flite;

import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One flite process per phrase of the clause, so the first phrase is heard while the rest is synthesized. Holds
 * no state between syntheses, so any number may run at once.
 */
final class FliteTtsEngine implements TtsEngine {
    /** flite's built-in voices that speak at {@link #RATE}. */
    static final List<String> NATIVE_VOICES = List.of("slt", "rms", "awb", "kal16");
    /** OpenAI voice names a client may send, mapped to flite voices. */
    static final Map<String, String> ALIASES = Map.of("alloy", "slt", "shimmer", "slt", "coral", "slt",
            "sage", "slt", "marin", "slt", "echo", "rms", "ash", "rms", "ballad", "awb", "verse", "awb",
            "cedar", "kal16");
    static final int RATE = 16_000;

    private final String command;
    private final String defaultVoice;
    private final List<String> voices = new ArrayList<>();

    FliteTtsEngine(String command, String defaultVoice, List<String> installed) {
        this.command = command;
        this.defaultVoice = defaultVoice;
        NATIVE_VOICES.stream().filter(installed::contains).forEach(voices::add);
        ALIASES.forEach((alias, voice) -> {
            if (installed.contains(voice)) {
                voices.add(alias);
            }
        });
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public List<String> voices() {
        return List.copyOf(voices);
    }

    @Override
    public TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener) {
        String asked = settings.voice();
        String voice = asked == null ? defaultVoice : ALIASES.getOrDefault(asked, asked);
        if (!NATIVE_VOICES.contains(voice)) {
            voice = defaultVoice;
        }
        double stretch = 1.0 / Math.max(0.25, Math.min(1.5, settings.speed() <= 0 ? 1.0 : settings.speed()));
        FliteSynthesis s = new FliteSynthesis(command, voice, stretch, Phrases.split(text), listener);
        // The thread only waits for the flite process: a virtual thread is right for that.
        Thread.ofVirtual().name("flite-synthesis").start(s::run);
        return s;
    }
}
