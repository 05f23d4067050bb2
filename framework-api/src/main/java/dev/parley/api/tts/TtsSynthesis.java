package dev.parley.api.tts;

import dev.parley.api.Cancellable;
import dev.parley.api.context.CpuPriority;

/** One clause being synthesized; {@link #cancel()} stops synthesis and output promptly. */
public interface TtsSynthesis extends Cancellable {
    /**
     * How urgent the rest of this synthesis is, as the runtime sees it: {@link CpuPriority#URGENT} while the
     * listener has heard nothing of the response yet (its first clause), {@link CpuPriority#NORMAL} while playback
     * is about to catch up with the audio sent, {@link CpuPriority#BACKGROUND} for look-ahead clauses and for a
     * response whose audio is far ahead of playback. An engine that runs on the runtime's {@code CpuExecutor}
     * queues its next steps at this priority; it may change at any time, from any thread. Ignoring it is allowed.
     */
    default void priority(CpuPriority priority) {
    }
}
