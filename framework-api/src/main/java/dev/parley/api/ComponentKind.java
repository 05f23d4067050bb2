package dev.parley.api;

/** The kinds of component a pipeline is assembled from; the names are the YAML stage keys. */
public enum ComponentKind {
    /** Voice activity detection: speech probability per audio frame. */
    VAD("vad"),
    /** Speech to text. */
    STT("stt"),
    /** End-of-turn scoring from the transcript so far (semantic turn detection). */
    TURN("turn"),
    /** Text generation with tool calls. */
    LLM("llm"),
    /** Text to speech. */
    TTS("tts"),
    /** Chooses a pipeline variant per session (A/B tests, cohorts). */
    ROUTER("router"),
    /** Noise suppression of input audio before VAD and STT (optional; on per session via noise_reduction). */
    DENOISE("denoise");

    private final String yamlKey;

    ComponentKind(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    /** The key naming this stage in pipeline YAML. */
    public String yamlKey() {
        return yamlKey;
    }

    /** Looks a kind up by its YAML key; returns null when none matches. */
    public static ComponentKind fromYamlKey(String key) {
        for (ComponentKind k : values()) {
            if (k.yamlKey.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
