package dev.parley.api.tts;

import dev.parley.api.Cancellable;

/** One clause being synthesized; {@link #cancel()} stops synthesis and output promptly. */
public interface TtsSynthesis extends Cancellable {
}
