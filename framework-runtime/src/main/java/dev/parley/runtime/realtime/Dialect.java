package dev.parley.runtime.realtime;

import java.util.Map;

/**
 * The protocol dialect of one connection: GA (default) or beta ({@code OpenAI-Beta: realtime=v1} header or
 * {@code openai-beta.realtime-v1} subprotocol). Code is written against GA names; {@link #eventName} maps them.
 */
public enum Dialect {
    GA,
    BETA;

    private static final Map<String, String> BETA_NAMES = Map.of(
            "response.output_audio.delta", "response.audio.delta",
            "response.output_audio.done", "response.audio.done",
            "response.output_audio_transcript.delta", "response.audio_transcript.delta",
            "response.output_audio_transcript.done", "response.audio_transcript.done",
            "response.output_text.delta", "response.text.delta",
            "response.output_text.done", "response.text.done",
            "conversation.item.added", "conversation.item.created");

    /** The wire name of a server event given its GA name. */
    public String eventName(String gaName) {
        return this == BETA ? BETA_NAMES.getOrDefault(gaName, gaName) : gaName;
    }

    /** Beta has no {@code conversation.item.done}; its single {@code created} event carries the item. */
    public boolean hasItemDone() {
        return this == GA;
    }

    /** Assistant content part type: GA {@code output_text}/{@code output_audio}, beta {@code text}/{@code audio}. */
    public String assistantPartType(boolean audio) {
        if (this == BETA) {
            return audio ? "audio" : "text";
        }
        return audio ? "output_audio" : "output_text";
    }
}
