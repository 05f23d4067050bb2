package dev.parley.plugins.pocketsphinx;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * One native pocketsphinx decoder. Not thread-safe (neither is the library's decoder): a decoder is used by one
 * thread at a time, handed between threads only through {@link DecoderPool}. Input: 16 kHz PCM16; output: the
 * best hypothesis so far, words separated by single spaces.
 */
final class Decoder implements AutoCloseable {
    private final SphinxNatives.Pocketsphinx ps;
    private Pointer handle;
    private boolean inUtterance;
    private final int[] score = new int[1];

    private Decoder(SphinxNatives.Pocketsphinx ps, Pointer handle) {
        this.ps = ps;
        this.handle = handle;
    }

    /** Loads the model named by {@code config}; takes a few hundred ms. */
    static Decoder create(PocketsphinxConfig config) {
        SphinxNatives natives = SphinxNatives.get();
        SphinxNatives.Pocketsphinx ps = natives.pocketsphinx();
        String[] argv = config.decoderArgs();
        Pointer cmdLine = natives.sphinxBase().cmd_ln_parse_r(null, ps.ps_args(), argv.length, argv, 1);
        if (cmdLine == null) {
            throw new IllegalStateException("pocketsphinx rejected its arguments " + String.join(" ", argv));
        }
        try {
            Pointer decoder = ps.ps_init(cmdLine);
            if (decoder == null) {
                throw new IllegalStateException("pocketsphinx could not load the model: " + String.join(" ", argv));
            }
            return new Decoder(ps, decoder);
        } finally {
            // ps_init keeps its own reference to the configuration.
            natives.sphinxBase().cmd_ln_free_r(cmdLine);
        }
    }

    boolean inUtterance() {
        return inUtterance;
    }

    /** Feeds audio, starting an utterance first if none is open. */
    void process(short[] samples) {
        if (!inUtterance) {
            check(ps.ps_start_utt(handle), "ps_start_utt");
            inUtterance = true;
        }
        check(ps.ps_process_raw(handle, samples, new NativeLong(samples.length), 0, 0), "ps_process_raw");
    }

    /** The best hypothesis of the open utterance so far ("" if none). */
    String hypothesis() {
        String hyp = ps.ps_get_hyp(handle, score);
        return hyp == null ? "" : hyp.trim();
    }

    /** Closes the open utterance and returns its final hypothesis ("" when nothing was fed). */
    String finish() {
        if (!inUtterance) {
            return "";
        }
        inUtterance = false;
        check(ps.ps_end_utt(handle), "ps_end_utt");
        return hypothesis();
    }

    /** Drops the open utterance, if any, leaving the decoder ready for the next one. */
    void abandon() {
        if (inUtterance) {
            inUtterance = false;
            ps.ps_end_utt(handle);
        }
    }

    private static void check(int rc, String call) {
        if (rc < 0) {
            throw new IllegalStateException("pocketsphinx " + call + " failed (" + rc + ")");
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            ps.ps_free(handle);
            handle = null;
        }
    }
}
