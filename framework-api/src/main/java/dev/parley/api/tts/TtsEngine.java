package dev.parley.api.tts;

import dev.parley.api.context.CpuPriority;
import java.util.List;

/**
 * A loaded synthesizer shared by a pipeline's sessions (thread-safe, several syntheses at once). The runtime
 * calls {@link #synthesize} once per clause, in order, and may start clause n+1 while clause n still streams.
 */
public interface TtsEngine extends AutoCloseable {
    /** The rate of the audio this engine emits; the runtime resamples to the session's output format. */
    int sampleRate();

    /** Voices a client may ask for, including aliases (e.g. OpenAI voice names mapped to real voices). */
    List<String> voices();

    /**
     * Speaks one clause. Returns at once; audio arrives through {@code listener} in chunks as it is produced
     * (do not wait for the whole clause), then {@link TtsListener#onDone()} — or {@link TtsListener#onError}.
     * After {@link TtsSynthesis#cancel()} nothing more is reported.
     */
    TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener);

    /**
     * {@link #synthesize(String, VoiceSettings, TtsListener)} with the synthesis' first {@link TtsSynthesis#priority
     * priority}; an engine on the CPU pool overrides it so that the very first step is queued at it.
     */
    default TtsSynthesis synthesize(String text, VoiceSettings settings, TtsListener listener,
                                    CpuPriority priority) {
        TtsSynthesis s = synthesize(text, settings, listener);
        s.priority(priority);
        return s;
    }

    @Override
    default void close() {
    }
}
