package dev.parley.runtime.webrtc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The agent's audio onto the call's audio track in real time, and what has been played of it: the server-side
 * playback tracking a WebRTC client relies on (it never sends {@code conversation.item.truncate}).
 *
 * <p>A clock tick every 10 ms hands the track as many 10 ms frames as are due since the call began (so a late tick
 * catches up instead of drifting); frames are the queued response audio or silence (silence keeps RTP and the
 * browser's jitter buffer running between answers). Responses synthesise faster than real time, so audio is
 * queued here and the queue is what {@link #clear} throws away at a barge-in.
 */
public final class AudioPlayout {
    /** The track's rate (48 kHz, Opus's own): {@link TrackAudio} converts the session's output to it. */
    public static final int RATE = TrackAudio.TRACK_RATE;
    public static final int FRAME_SAMPLES = RATE / 100;
    private static final int FRAME_BYTES = FRAME_SAMPLES * 2;
    private static final byte[] SILENCE = new byte[FRAME_BYTES];

    /** One response's audio: queued bytes, how much went out, whether more can come. */
    private static final class Track {
        final String responseId;
        final String itemId;
        final Deque<byte[]> chunks = new ArrayDeque<>();
        int headOffset;
        long playedSamples;
        boolean started;
        boolean done;

        Track(String responseId, String itemId) {
            this.responseId = responseId;
            this.itemId = itemId;
        }
    }

    /** What a clear cut: the item and how many ms of it the client heard; null fields when nothing was playing. */
    public record Cut(String responseId, String itemId, long playedMs) {
    }

    private final Consumer<byte[]> frames;
    private final Runnable beforeTick;
    private final PlayoutListener listener;
    private final Deque<Track> tracks = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();
    private long framesSent;
    private ScheduledFuture<?> tick;

    /** @param frames receives each 10 ms frame (PCM16 mono 48 kHz), on the clock thread */
    public AudioPlayout(Consumer<byte[]> frames, PlayoutListener listener) {
        this(frames, () -> { }, listener);
    }

    /** @param beforeTick runs on the clock thread before each tick's frames are handed over */
    public AudioPlayout(Consumer<byte[]> frames, Runnable beforeTick, PlayoutListener listener) {
        this.frames = frames;
        this.beforeTick = beforeTick;
        this.listener = listener;
    }

    public synchronized void start(ScheduledExecutorService clock) {
        if (tick == null) {
            tick = clock.scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
        tracks.clear();
    }

    /** Agent audio (PCM16 mono 48 kHz, see {@link TrackAudio}) of {@code responseId}, queued behind the rest. */
    public synchronized void enqueue(String responseId, String itemId, byte[] pcm) {
        if (pcm.length == 0) {
            return;
        }
        Track t = tracks.peekLast();
        if (t == null || !t.responseId.equals(responseId) || !java.util.Objects.equals(t.itemId, itemId)) {
            t = new Track(responseId, itemId);
            tracks.addLast(t);
        }
        t.chunks.addLast(pcm);
    }

    /** No more audio will come for {@code responseId}: once its queue is played, it is stopped. */
    public synchronized void responseDone(String responseId) {
        for (Track t : tracks) {
            if (t.responseId.equals(responseId)) {
                t.done = true;
            }
        }
    }

    /** Whether any response audio is queued or playing. */
    public synchronized boolean playing() {
        return !tracks.isEmpty();
    }

    /**
     * Drops every queued sample. Returns the response that was being heard and how much of its item was played,
     * or null when nothing was playing.
     */
    public synchronized Cut clear() {
        Track head = tracks.peekFirst();
        tracks.clear();
        if (head == null || !head.started) {
            return head == null ? null : new Cut(head.responseId, head.itemId, 0);
        }
        return new Cut(head.responseId, head.itemId, head.playedSamples * 1000 / RATE);
    }

    private void tick() {
        long due = (System.nanoTime() - startNanos) / 10_000_000L - framesSent;
        // after a long stall (GC, a loaded machine) send at most 100 ms at once: the browser's jitter buffer
        // cannot hold more, and the rest is better skipped than played late
        if (due > 10) {
            framesSent += due - 10;
            due = 10;
        }
        if (due > 0) {
            beforeTick.run();
        }
        for (long i = 0; i < due; i++) {
            frames.accept(nextFrame());
            framesSent++;
        }
    }

    /** The next 10 ms frame: queued response audio or silence (package-private for the bookkeeping test). */
    byte[] nextFrame() {
        String started = null;
        String stopped = null;
        byte[] frame;
        synchronized (this) {
            Track t = tracks.peekFirst();
            while (t != null && t.chunks.isEmpty() && t.done) {
                tracks.pollFirst();
                if (t.started) {
                    stopped = t.responseId;
                }
                t = tracks.peekFirst();
            }
            if (t == null || t.chunks.isEmpty()) {
                frame = SILENCE;
            } else {
                if (!t.started) {
                    t.started = true;
                    started = t.responseId;
                }
                frame = take(t);
            }
        }
        if (stopped != null) {
            listener.stopped(stopped);
        }
        if (started != null) {
            listener.started(started);
        }
        return frame;
    }

    /** One frame from the head track, padded with silence at its end. */
    private static byte[] take(Track t) {
        byte[] frame = new byte[FRAME_BYTES];
        int filled = 0;
        while (filled < FRAME_BYTES && !t.chunks.isEmpty()) {
            byte[] c = t.chunks.peekFirst();
            int n = Math.min(FRAME_BYTES - filled, c.length - t.headOffset);
            System.arraycopy(c, t.headOffset, frame, filled, n);
            filled += n;
            t.headOffset += n;
            if (t.headOffset == c.length) {
                t.chunks.pollFirst();
                t.headOffset = 0;
            }
        }
        t.playedSamples += filled / 2;
        return frame;
    }
}
