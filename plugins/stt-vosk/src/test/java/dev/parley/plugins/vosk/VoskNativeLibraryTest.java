package dev.parley.plugins.vosk;

import org.junit.jupiter.api.Test;
import org.vosk.LibVosk;
import org.vosk.LogLevel;

import static org.junit.jupiter.api.Assertions.assertNull;

/** The Vosk native library bundled in the jar loads here and answers a call, with no model needed. */
class VoskNativeLibraryTest {
    @Test
    void nativeLibraryLoadsAndAnswers() {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        LibVosk.vosk_set_log_level(-1);
        assertNull(LibVosk.vosk_model_new("/nonexistent/vosk-model"), "a missing model must give a null handle");
        System.out.println("libvosk loaded through JNA " + com.sun.jna.Native.VERSION);
    }
}
