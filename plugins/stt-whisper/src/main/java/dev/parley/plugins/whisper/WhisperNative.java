package dev.parley.plugins.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Loads whisper-jni's bundled native library once (into this plugin's classloader; a JNI library binds to one)
 * and hands out the binding.
 */
final class WhisperNative {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperNative.class);
    private static WhisperJNI instance;

    private WhisperNative() {
    }

    /** @throws IOException when the bundled library cannot be extracted or loaded on this platform */
    static synchronized WhisperJNI get() throws IOException {
        if (instance == null) {
            // whisper.cpp logs every model load and decode at length; keep it at debug level.
            WhisperJNI.loadLibrary(LOG::debug);
            WhisperJNI.setLibraryLogger(LOG::debug);
            instance = new WhisperJNI();
        }
        return instance;
    }
}
