package dev.parley.plugins.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** whisper-jni's bundled native library loads here and answers, with no model needed. */
class WhisperNativeLibraryTest {
    @Test
    void nativeLibraryLoadsAndReportsItsCpuFeatures() throws Exception {
        WhisperJNI jni = WhisperNative.get();
        String info = jni.getSystemInfo();
        System.out.println("whisper.cpp system info: " + info);
        assertFalse(info.isBlank());
    }

    @Test
    void nonSpeechMarkersAreRemovedFromTranscripts() {
        assertEquals("turn off the lights.", WhisperDecoder.clean(" [BLANK_AUDIO] turn off the  lights. "));
        assertEquals("", WhisperDecoder.clean(" [BLANK_AUDIO]"));
    }
}
