package dev.parley.runtime.recording;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes every session's recording, fed by a bounded queue. Sessions only {@link #offer}
 * (never block, never touch the disk): when the queue is full — in jobs or in bytes held — the offer fails and
 * that session stops recording; a job that fails with an {@link IOException} (a full disk) stops its session's
 * recording. Either way the session itself goes on.
 */
final class RecordingWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingWriter.class);
    /** About 40 s of one session's appends and deltas at 50 events/s each, or many sessions' worth of seconds. */
    static final int DEFAULT_JOBS = 4096;
    /** Audio held in the queue at most: 32 MiB is 11 minutes of 24 kHz PCM16. */
    static final long DEFAULT_BYTES = 32L * 1024 * 1024;

    /** Work for the writer thread; {@code bytes} is what it holds in memory until it runs. */
    interface Job {
        void run() throws IOException;
    }

    private record Task(SessionFiles files, Job job, long bytes) {
    }

    private static final Task STOP = new Task(null, null, 0);

    private final BlockingQueue<Task> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long maxBytes;
    private final Thread thread;

    RecordingWriter() {
        this(DEFAULT_JOBS, DEFAULT_BYTES);
    }

    RecordingWriter(int maxJobs, long maxBytes) {
        this.queue = new ArrayBlockingQueue<>(maxJobs);
        this.maxBytes = maxBytes;
        this.thread = Thread.ofPlatform().daemon().name("parley-recorder").start(this::drain);
    }

    /** Queues {@code job} for {@code files}; false, at once, when the queue has no room (nothing queued). */
    boolean offer(SessionFiles files, long bytes, Job job) {
        if (queuedBytes.addAndGet(bytes) > maxBytes) {
            queuedBytes.addAndGet(-bytes);
            return false;
        }
        if (!queue.offer(new Task(files, job, bytes))) {
            queuedBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    private void drain() {
        while (true) {
            Task t;
            try {
                t = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (t == STOP) {
                return;
            }
            queuedBytes.addAndGet(-t.bytes);
            if (t.files != null && t.files.failed()) {
                continue;
            }
            try {
                t.job.run();
            } catch (IOException | RuntimeException e) {
                if (t.files != null) {
                    t.files.fail("cannot write (" + e + ")");
                } else {
                    log.warn("Recording housekeeping failed: {}", e.toString());
                }
            }
        }
    }

    /** Writes what is queued (bounded wait), then stops the thread. */
    @Override
    public void close() {
        try {
            if (!queue.offer(STOP, 5, TimeUnit.SECONDS)) {
                thread.interrupt();
            }
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
