package dev.parley.plugins.bench;

import dev.parley.api.ComponentConfig;

/**
 * Settings shared by the benchmark components.
 *
 * @param transcript     what the benchmark STT "hears" for every utterance
 * @param reply          what the benchmark LLM answers, streamed word by word
 * @param speechLevel    sample magnitude at or above which the benchmark VAD calls a frame speech
 * @param msPerCharacter how much audio the benchmark TTS emits per character of text
 */
public record BenchConfig(String transcript, String reply, int speechLevel, int msPerCharacter) {
    static final String DEFAULT_REPLY = "Here is the first sentence of the answer. "
            + "The second sentence follows right after it. And this third sentence ends the answer.";

    static BenchConfig from(ComponentConfig c) {
        return new BenchConfig(c.string("transcript", "benchmark utterance"), c.string("reply", DEFAULT_REPLY),
                c.integer("speech_level", 1000), c.integer("ms_per_character", 60));
    }
}
