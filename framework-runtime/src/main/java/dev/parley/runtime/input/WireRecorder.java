package dev.parley.runtime.input;

import dev.parley.runtime.audio.ByteChunks;
import dev.parley.runtime.engine.WireFormat;

/**
 * Keeps the input audio as the client sent it (wire format) for {@code conversation.item.retrieve}: always the
 * last few hundred milliseconds (so an utterance can start with its prefix padding), and, while an utterance is
 * open, everything since its start.
 *
 * <p>An open utterance stays in the ring itself as long as it fits ({@value #MIN_PHYSICAL_MS} ms at least), and is
 * copied out once, at its end; only a longer one spills into separate arrays. The ring is one long-lived array, so
 * the audio of the utterances in progress is not copied again and again by young-generation collections: with
 * hundreds of sessions talking at once it was the bulk of what every collection copied (≈ 30 MB at 500 sessions),
 * and so of its pause. What the recorder reports as held ({@link #ringMs()}) and what a prefix can reach stay
 * the ring length asked for, whatever is physically kept.
 */
final class WireRecorder {
    /** Physical ring length at least: a typical utterance (prefix + ~2 s of speech + silence window) fits. */
    static final int MIN_PHYSICAL_MS = 3000;

    private final WireFormat format;
    private final int nominalBytes;
    private final int physicalBytes;
    /** Allocated with the first audio, so a session that never sends any does not pay for it. */
    private byte[] ring;
    private int next;
    private int size;
    /** Bytes written since creation: positions below are absolute. */
    private long written;

    /** The utterance being recorded, if any. */
    private sealed interface Recording {
    }

    private record NoUtterance() implements Recording {
    }

    /** The open utterance is in the ring from absolute position {@code start}. */
    private record InRing(long start) implements Recording {
    }

    /** The open utterance outgrew the ring: all of it so far is in {@code chunks}. */
    private record Spilled(ByteChunks chunks) implements Recording {
    }

    private static final Recording NONE = new NoUtterance();

    private Recording open = NONE;

    WireRecorder(WireFormat format, int ringMs) {
        this.format = format;
        this.nominalBytes = Math.max(format.bytesPerSample(), bytesFor(format, ringMs));
        this.physicalBytes = Math.max(nominalBytes, bytesFor(format, MIN_PHYSICAL_MS));
    }

    private static int bytesFor(WireFormat format, int ms) {
        return (int) ((long) format.sampleRate() * ms / 1000) * format.bytesPerSample();
    }

    void add(byte[] wire) {
        int len = wire.length - wire.length % format.bytesPerSample();
        if (len == 0) {
            return;
        }
        if (ring == null) {
            ring = new byte[physicalBytes];
        }
        if (open instanceof InRing r && written + len - r.start() > ring.length) {
            ByteChunks chunks = new ByteChunks(); // the ring would overwrite the utterance's start: move it out first
            chunks.add(copy(r.start(), written));
            open = new Spilled(chunks);
        }
        if (open instanceof Spilled s) {
            s.chunks().addCopy(wire, 0, len);
        }
        // only the last ring.length bytes can stay; copy them in at most two runs
        int skip = Math.max(0, len - ring.length);
        next = (int) ((next + (long) skip) % ring.length);
        int left = len - skip;
        int first = Math.min(left, ring.length - next);
        System.arraycopy(wire, skip, ring, next, first);
        System.arraycopy(wire, skip + first, ring, 0, left - first);
        next = (next + left) % ring.length;
        size = Math.min(ring.length, size + len);
        written += len;
    }

    /** Starts an utterance with the last {@code prefixMs} of audio already held (as much as the ring has). */
    void startUtterance(long prefixMs) {
        long want = Math.min(held(), (long) format.sampleRate() * prefixMs / 1000 * format.bytesPerSample());
        open = new InRing(written - want);
    }

    /** Ends the utterance and returns its audio. */
    byte[] endUtterance() {
        byte[] out = switch (open) {
            case NoUtterance n -> new byte[0];
            case InRing r -> copy(r.start(), written);
            case Spilled s -> s.chunks().toByteArray();
        };
        open = NONE;
        return out;
    }

    /** Milliseconds held by the ring. */
    long ringMs() {
        return format.millis(held());
    }

    /** Forgets everything (buffer cleared, or the utterance dropped). */
    void clear() {
        next = 0;
        size = 0;
        open = NONE;
    }

    private int held() {
        return Math.min(size, nominalBytes);
    }

    /** The bytes from absolute position {@code from} to {@code to}; they must still be in the ring. */
    private byte[] copy(long from, long to) {
        int n = (int) (to - from);
        byte[] out = new byte[n];
        if (n == 0) {
            return out;
        }
        int start = (int) Math.floorMod(next - (written - from), (long) ring.length);
        int first = Math.min(n, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return out;
    }
}
