package dev.parley.plugins.marytts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The voices this plugin offers and the OpenAI voice names mapped onto them. Maven Central carries exactly one
 * MaryTTS 5.2.1 voice, {@code cmu-slt-hsmm} (US English, female); {@code cmu-slt-hsmm-low} is a voice this plugin
 * derives from it ({@link LowSltVoiceConfig}: lower formants) played 7 semitones lower, so that OpenAI's male
 * voices sound distinct. Presets whose MaryTTS voice is not installed are left out.
 */
final class VoiceCatalog {
    static final String SLT = "cmu-slt-hsmm";
    static final String SLT_LOW = "cmu-slt-hsmm-low";

    private static final List<VoicePreset> PRESETS = List.of(
            new VoicePreset(SLT, SLT, 0, "US English female (CMU ARCTIC slt, HSMM)"),
            new VoicePreset(SLT_LOW, SLT_LOW, -7, "cmu-slt-hsmm with lower formants and 7 semitones lower pitch"));

    /** OpenAI Realtime voice names → preset, female/male roughly as OpenAI's own voices. */
    private static final Map<String, String> OPENAI_ALIASES = orderedMap(
            "alloy", SLT, "ash", SLT_LOW, "ballad", SLT_LOW, "coral", SLT, "echo", SLT_LOW,
            "sage", SLT, "shimmer", SLT, "verse", SLT_LOW, "marin", SLT, "cedar", SLT_LOW);

    private final Map<String, VoicePreset> byName = new LinkedHashMap<>();

    /** @param installed the MaryTTS voices actually loaded */
    VoiceCatalog(Set<String> installed) {
        for (VoicePreset p : PRESETS) {
            if (installed.contains(p.maryVoice())) {
                byName.put(p.name(), p);
            }
        }
        if (!byName.isEmpty()) {
            // An alias whose preset is missing speaks with the first one rather than failing the client.
            VoicePreset fallback = byName.values().iterator().next();
            OPENAI_ALIASES.forEach((alias, target) -> byName.put(alias, byName.getOrDefault(target, fallback)));
        }
    }

    /** Every name {@link #resolve} accepts: presets first, then aliases. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The preset the alias or preset name stands for; case-insensitive. */
    VoicePreset resolve(String name) {
        VoicePreset p = name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new UnknownVoiceException("Unknown voice '" + name + "'; available voices: "
                    + String.join(", ", names()));
        }
        return p;
    }

    /** The OpenAI alias table, for documentation and tests. */
    static Map<String, String> openAiAliases() {
        return OPENAI_ALIASES;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** A voice name no preset or alias matches; the message lists the valid names. */
    static final class UnknownVoiceException extends IllegalArgumentException {
        UnknownVoiceException(String message) {
            super(message);
        }
    }
}
