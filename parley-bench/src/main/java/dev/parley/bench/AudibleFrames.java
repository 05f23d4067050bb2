package dev.parley.bench;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The agent's audio as a WebRTC client hears it: the received track's 10 ms PCM16 frames, each marked audible or
 * not by its loudest sample (the same −40 dBFS level that marks speech in {@link AudioTrack}), and the arrival
 * instants of the audible ones, so a turn can ask for the first audible frame after the user stopped speaking
 * and a barge-in for the last audible frame before the next answer began. Resolution is one frame (10 ms): the
 * sink gets whole frames from the audio device's playout pull.
 */
final class AudibleFrames {
    /** Frames kept: 2 minutes of audible audio at 100 frames a second, far more than one turn. */
    private static final int KEPT = 12_000;

    private final ConcurrentLinkedDeque<Long> audibleAt = new ConcurrentLinkedDeque<>();
    private final Object arrived = new Object();

    /** True if some sample of this little-endian PCM16 frame (any channel) reaches the speech level. */
    static boolean audible(byte[] pcm16, int channels, int frames) {
        return firstAudibleFrame(pcm16, channels, frames) >= 0;
    }

    /** The index of the first sample frame with a sample (any channel) at the speech level, or -1. */
    static int firstAudibleFrame(byte[] pcm16, int channels, int frames) {
        int samples = Math.min(pcm16.length / 2, Math.max(0, channels) * Math.max(0, frames));
        for (int i = 0; i < samples; i++) {
            int s = (short) ((pcm16[2 * i] & 0xff) | (pcm16[2 * i + 1] << 8));
            if (Math.abs(s) >= AudioTrack.SPEECH_LEVEL) {
                return i / channels;
            }
        }
        return -1;
    }

    /** A frame of the received track arrived at {@code nanos} (on the audio thread). */
    void frame(long nanos, byte[] pcm16, int bitsPerSample, int channels, int frames) {
        if (bitsPerSample != 16 || !audible(pcm16, channels, frames)) {
            return;
        }
        audibleAt.addLast(nanos);
        while (audibleAt.size() > KEPT) {
            audibleAt.pollFirst();
        }
        synchronized (arrived) {
            arrived.notifyAll();
        }
    }

    /** The first audible frame's arrival at or after {@code nanos}, or 0 if none yet. */
    long firstAtOrAfter(long nanos) {
        for (long t : audibleAt) {
            if (t >= nanos) {
                return t;
            }
        }
        return 0;
    }

    /** The last audible frame's arrival before {@code nanos}, or 0 if none. */
    long lastBefore(long nanos) {
        var it = audibleAt.descendingIterator();
        while (it.hasNext()) {
            long t = it.next();
            if (t < nanos) {
                return t;
            }
        }
        return 0;
    }

    /** Waits for an audible frame at or after {@code nanos}; fails after {@code timeoutMs}. */
    long awaitFirstAtOrAfter(long nanos, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (arrived) {
            while (true) {
                long t = firstAtOrAfter(nanos);
                if (t != 0) {
                    return t;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no audible audio on the received track within " + timeoutMs
                            + " ms");
                }
                arrived.wait(Math.max(1, left / 1_000_000L));
            }
        }
    }

    /** Forgets every frame (between turns). */
    void clear() {
        audibleAt.clear();
    }
}
