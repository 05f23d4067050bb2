package dev.parley.plugins.speexdsp;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * JNA bindings to Debian's {@code libspeexdsp.so.1} (1.2.1), loaded once per JVM: only the preprocessor calls.
 * The request codes are those of {@code speex/speex_preprocess.h} in Debian's libspeexdsp-dev 1.2.1-1. Debian
 * ships no unversioned {@code .so} symlink without the -dev package, so the versioned name is tried when the plain
 * one is not found.
 */
final class SpeexNatives {
    static final int SET_DENOISE = 0;
    static final int SET_AGC = 2;
    static final int SET_DEREVERB = 8;
    static final int SET_NOISE_SUPPRESS = 18;
    static final int GET_NOISE_SUPPRESS = 19;

    /** The subset of libspeexdsp used for noise suppression. */
    interface SpeexDsp extends Library {
        Pointer speex_preprocess_state_init(int frameSize, int samplingRate);

        void speex_preprocess_state_destroy(Pointer state);

        /** Processes {@code frame} (exactly the state's frame size) in place; returns the VAD flag, unused here. */
        int speex_preprocess_run(Pointer state, short[] frame);

        /** {@code value} is an int[1] the library reads from (SET) or writes to (GET). */
        int speex_preprocess_ctl(Pointer state, int request, int[] value);
    }

    private static volatile SpeexDsp instance;

    private SpeexNatives() {
    }

    /**
     * The loaded library.
     *
     * @throws UnsatisfiedLinkError when libspeexdsp1 is not installed
     */
    static SpeexDsp get() {
        SpeexDsp n = instance;
        if (n == null) {
            synchronized (SpeexNatives.class) {
                n = instance;
                if (n == null) {
                    n = instance = load();
                }
            }
        }
        return n;
    }

    private static SpeexDsp load() {
        try {
            return Native.load("speexdsp", SpeexDsp.class);
        } catch (UnsatisfiedLinkError plainNameMissing) {
            try {
                return Native.load("libspeexdsp.so.1", SpeexDsp.class);
            } catch (UnsatisfiedLinkError e) {
                UnsatisfiedLinkError error = new UnsatisfiedLinkError("libspeexdsp not found: install the Debian"
                        + " package libspeexdsp1 (./parley does it via scripts/prereqs.d/speexdsp.sh). "
                        + e.getMessage());
                error.addSuppressed(plainNameMissing);
                throw error;
            }
        }
    }
}
