package dev.parley.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Streams audio tracks for every benchmark session at real-time pace from ONE scheduler thread (a tick every
 * {@value #TICK_MS} ms sends each playback's chunks that are due), so a thousand sessions cost the load client
 * one thread, not a thousand. Records how late chunks left against their due time: if that grows, the client —
 * not the server — is the bottleneck, and the report says so.
 */
final class AudioPacer implements AutoCloseable {
    static final int TICK_MS = 2;

    /** One track being streamed to one connection. */
    static final class Playback {
        final RealtimeClient client;
        final AudioTrack track;
        final boolean loop;
        final long start;
        /** Send instant of each chunk of the current pass. */
        private final long[] sentAt;
        /** Send instant of the first-speech chunk of every pass (looping playbacks). */
        final List<Long> onsets = new ArrayList<>();
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        volatile boolean stopped;
        private long next;

        Playback(RealtimeClient client, AudioTrack track, boolean loop, long start) {
            this.client = client;
            this.track = track;
            this.loop = loop;
            this.start = start;
            this.sentAt = new long[track.chunks()];
        }

        /** The send instant of pass {@code cycle}'s first speech chunk, or -1 if not sent (yet). */
        synchronized long onset(int cycle) {
            return cycle >= 0 && cycle < onsets.size() ? onsets.get(cycle) : -1;
        }

        /** When chunk {@code i} of the current pass was sent, or 0 if not yet. */
        synchronized long sentAt(int i) {
            return sentAt[i];
        }

        void stop() {
            stopped = true;
        }

        /** Sends what is due; false once finished. */
        boolean pump(long now, Histogram lateness) {
            long chunkNanos = TimeUnit.MILLISECONDS.toNanos(track.chunkMs());
            while (!stopped) {
                long due = start + next * chunkNanos;
                if (due > now) {
                    return true;
                }
                int i = (int) (next % track.chunks());
                if (!loop && next >= track.chunks()) {
                    break;
                }
                client.send(track.appends()[i]);
                long sent = System.nanoTime();
                synchronized (this) {
                    sentAt[i] = sent;
                    if (i == track.firstSpeech()) {
                        onsets.add(sent);
                    }
                }
                lateness.recordValue(Math.max(0, (sent - due) / 1000));
                next++;
            }
            finished.complete(null);
            return false;
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-audio-pacer");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Playback> playing = new ConcurrentLinkedQueue<>();
    private final Histogram lateness = new Histogram(60_000_000L, 3);

    AudioPacer() {
        timer.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts streaming {@code track} to {@code client} now (looping until stopped when {@code loop}). */
    Playback play(RealtimeClient client, AudioTrack track, boolean loop) {
        return play(client, track, loop, 0);
    }

    /** As {@link #play(RealtimeClient, AudioTrack, boolean)}, starting {@code delayMs} from now. */
    Playback play(RealtimeClient client, AudioTrack track, boolean loop, long delayMs) {
        Playback p = new Playback(client, track, loop, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs));
        playing.add(p);
        return p;
    }

    private void tick() {
        long now = System.nanoTime();
        synchronized (lateness) {
            for (Iterator<Playback> it = playing.iterator(); it.hasNext(); ) {
                Playback p = it.next();
                try {
                    if (!p.pump(now, lateness)) {
                        it.remove();
                    }
                } catch (RuntimeException e) {
                    p.finished.completeExceptionally(e);
                    it.remove();
                }
            }
        }
    }

    /** Lateness of sent chunks against their due time, in µs, since the last reset. */
    Histogram lateness() {
        synchronized (lateness) {
            return lateness.copy();
        }
    }

    void resetLateness() {
        synchronized (lateness) {
            lateness.reset();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        playing.forEach(p -> p.finished.complete(null));
    }
}
