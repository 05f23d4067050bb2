package dev.parley.plugins.pocketsphinx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * JNA bindings to Debian's {@code libpocketsphinx.so.3} and {@code libsphinxbase.so.3} (0.8+5prealpha), loaded
 * once per JVM. Only the handful of calls Parley uses are mapped. Debian ships no unversioned {@code .so} symlink
 * without the -dev package, so the versioned name is tried when the plain one is not found.
 */
public final class SphinxNatives {

    /** The subset of libpocketsphinx used for decoding. */
    public interface Pocketsphinx extends Library {
        Pointer ps_args();

        Pointer ps_init(Pointer config);

        int ps_start_utt(Pointer decoder);

        int ps_process_raw(Pointer decoder, short[] data, NativeLong nSamples, int noSearch, int fullUtt);

        int ps_end_utt(Pointer decoder);

        /** Returns the decoder-owned hypothesis, or null; {@code outBestScore} must be a real int[1]. */
        String ps_get_hyp(Pointer decoder, int[] outBestScore);

        int ps_free(Pointer decoder);
    }

    /** The subset of libsphinxbase used for configuration, logging and n-gram scoring. */
    public interface SphinxBase extends Library {
        Pointer cmd_ln_parse_r(Pointer inout, Pointer definitions, int argc, String[] argv, int strict);

        int cmd_ln_free_r(Pointer config);

        /** A null stream disables sphinx's own logging to stderr. */
        void err_set_logfp(Pointer stream);

        Pointer logmath_init(double base, int shift, int useTable);

        int logmath_free(Pointer logmath);

        Pointer ngram_model_read(Pointer config, String fileName, int fileType, Pointer logmath);

        int ngram_model_free(Pointer model);

        int ngram_wid(Pointer model, String word);

        int ngram_unknown_wid(Pointer model);

        /** {@code nUsed} must be a real int[1]: the library writes through it unconditionally. */
        int ngram_ng_score(Pointer model, int wid, int[] history, int nHistory, int[] nUsed);

        double logmath_log_to_ln(Pointer logmath, int logbX);
    }

    private static volatile SphinxNatives instance;

    private final Pocketsphinx pocketsphinx;
    private final SphinxBase sphinxBase;

    private SphinxNatives(Pocketsphinx pocketsphinx, SphinxBase sphinxBase) {
        this.pocketsphinx = pocketsphinx;
        this.sphinxBase = sphinxBase;
    }

    /**
     * The loaded libraries.
     *
     * @throws UnsatisfiedLinkError when libpocketsphinx3 / libsphinxbase3 are not installed
     */
    public static SphinxNatives get() {
        SphinxNatives n = instance;
        if (n == null) {
            synchronized (SphinxNatives.class) {
                n = instance;
                if (n == null) {
                    SphinxBase base = load("sphinxbase", SphinxBase.class);
                    Pocketsphinx ps = load("pocketsphinx", Pocketsphinx.class);
                    base.err_set_logfp(null);
                    n = instance = new SphinxNatives(ps, base);
                }
            }
        }
        return n;
    }

    public Pocketsphinx pocketsphinx() {
        return pocketsphinx;
    }

    public SphinxBase sphinxBase() {
        return sphinxBase;
    }

    private static <T extends Library> T load(String name, Class<T> type) {
        try {
            return Native.load(name, type);
        } catch (UnsatisfiedLinkError plainNameMissing) {
            try {
                return Native.load("lib" + name + ".so.3", type);
            } catch (UnsatisfiedLinkError e) {
                UnsatisfiedLinkError error = new UnsatisfiedLinkError("lib" + name + " not found: install the Debian "
                        + "packages libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us (./parley does it via "
                        + "scripts/prereqs.d/pocketsphinx.sh). " + e.getMessage());
                error.addSuppressed(plainNameMissing);
                throw error;
            }
        }
    }
}
