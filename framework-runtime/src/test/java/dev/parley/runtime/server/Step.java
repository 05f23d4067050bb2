package dev.parley.runtime.server;

import dev.parley.api.llm.FinishReason;

/** One scripted action of a test-scope response (see {@link ScriptedEngineFactory}). */
sealed interface Step {
    /** A transcript/text delta. */
    record Text(String delta) implements Step {
    }

    /** {@code ms} of silence-valued PCM16 24 kHz audio as one delta. */
    record Audio(long ms) implements Step {
    }

    /** A streamed tool call: argument fragments, then the complete call. */
    record Tool(int index, String callId, String name, String... argumentChunks) implements Step {
    }

    /** One argument fragment of a tool call that is not (yet) complete. */
    record ToolDelta(int index, String callId, String name, String chunk) implements Step {
    }

    /** The input path reports the user starting to speak (a barge-in when a response is playing). */
    record UserSpeaks(long utterance, long atMs) implements Step {
    }

    record Sleep(long ms) implements Step {
    }

    record Complete(FinishReason reason) implements Step {
    }

    record Fail(String code, String message) implements Step {
    }

    /** Never finishes on its own: only cancel ends it. */
    record Hang() implements Step {
    }
}
