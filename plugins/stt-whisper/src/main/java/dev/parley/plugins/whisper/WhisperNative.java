package dev.parley.plugins.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Loads whisper-jni's bundled native library once (into this plugin's classloader; a JNI library binds to one)
 * and hands out the binding.
 */
final class WhisperNative {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperNative.class);
    private static WhisperJNI instance;
    /**
     * whisper-jni keeps its contexts and states in two process-wide {@code std::map}s, read with {@code at()} on
     * every call and written by init/free, with no lock. A state created or freed while another session decodes
     * is a data race: CI once aborted the JVM with {@code std::out_of_range: map::at} in WhisperStreamTest. So
     * calls that only look a handle up hold the read lock (decodes still run side by side), and init/free of a
     * context or state the write lock (it waits for the decodes in flight).
     */
    static final ReadWriteLock HANDLES = new ReentrantReadWriteLock();

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
