package dev.parley.runtime.server;

import java.time.Duration;

/**
 * What the server admits and how long it waits for clients (issue 17). Zero for a count means "no limit".
 *
 * @param maxSessions           live sessions the server admits; beyond it a handshake is refused with 1013
 * @param maxSessionsPerKey     live sessions per API key (an ephemeral key counts against the key that minted it)
 * @param handshakeTimeout      a connection that has not finished its HTTP request (upgrade or REST) by then
 *                              is closed: silent sockets and partial headers cannot hold file descriptors
 * @param handshakesPerSecond   sustained handshakes per remote address (token bucket)
 * @param handshakeBurst        the bucket's size: handshakes one address may make at once
 * @param failedAuthLimit       failed logins per remote address within {@code failedAuthWindow} before that
 *                              address gets HTTP 429 until the window has passed
 * @param failedAuthWindow      the window failed logins are counted in
 * @param drainTimeout          how long a drain lets responses in flight finish before closing sessions (1001)
 * @param slowReaderTimeout     a connection whose queued output made no progress for this long is closed
 * @param maxQueuedOutputBytes  output queued for one connection beyond which it is closed at once
 */
public record ServerLimits(int maxSessions, int maxSessionsPerKey, Duration handshakeTimeout,
                           int handshakesPerSecond, int handshakeBurst, int failedAuthLimit,
                           Duration failedAuthWindow, Duration drainTimeout, Duration slowReaderTimeout,
                           long maxQueuedOutputBytes) {
    /** Write-buffer high water mark: above it the channel reports not writable (Netty's default is 64 KiB). */
    public static final int WRITE_HIGH_WATER = 1024 * 1024;
    public static final int WRITE_LOW_WATER = 256 * 1024;
    /**
     * The kernel's send buffer per connection (SO_SNDBUF; Linux doubles it). Left to autotuning it grew to 4 MiB on
     * loopback, so a client that stopped reading took ~60 s of audio into the kernel before Netty's queue even
     * reached its high mark and production paused. 512 KiB still carries 8x a session's 64 KB/s of audio
     * deltas over a 1 s round trip.
     */
    public static final int SEND_BUFFER = 256 * 1024;

    public ServerLimits {
        if (maxSessions < 0 || maxSessionsPerKey < 0 || handshakesPerSecond < 0 || handshakeBurst < 0
                || failedAuthLimit < 0 || maxQueuedOutputBytes < 0) {
            throw new IllegalArgumentException("limits must be 0 (no limit) or more");
        }
        handshakeTimeout = positive(handshakeTimeout, Duration.ofSeconds(10));
        failedAuthWindow = positive(failedAuthWindow, Duration.ofSeconds(60));
        drainTimeout = drainTimeout == null || drainTimeout.isNegative() ? Duration.ofSeconds(30) : drainTimeout;
        slowReaderTimeout = positive(slowReaderTimeout, Duration.ofSeconds(15));
    }

    /**
     * For embedded servers (tests, the in-process bench): the timeouts and output caps of {@link #serving}, but
     * no session cap and no per-address throttles, since such a server's clients all come from 127.0.0.1 in
     * bursts. {@code parley serve} uses {@link #serving} with a cap from the core count
     * ({@link #defaultMaxSessions}).
     */
    public static ServerLimits defaults() {
        return serving(0).withHandshake(Duration.ofSeconds(10), 0, 100).withFailedAuth(0, Duration.ofSeconds(60));
    }

    /** The serve defaults with this session cap (0 = none). */
    public static ServerLimits serving(int maxSessions) {
        return new ServerLimits(maxSessions, 0, Duration.ofSeconds(10), 20, 100, 10, Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(15), 16L * 1024 * 1024);
    }

    /**
     * One session per core. Capacity judged by what users hear (time to first audio p90 of N simultaneous
     * spoken turns within 1.5 x the single session's) was 2 on 2 cores (BENCHMARKS.md run F, the speakers
     * table), and the CPU per turn (section {@code cpu}, run I) bounds it at the same count: every admitted
     * session beyond that adds its STT decode to a CPU already full during a burst. The previous 6 per core came
     * from event lag, which hid the wait (issue 16). A server with a lighter pipeline raises it with
     * {@code --max-sessions}.
     */
    public static int defaultMaxSessions(int cores) {
        return SESSIONS_PER_CORE * Math.max(1, cores);
    }

    /** See {@link #defaultMaxSessions}. */
    public static final int SESSIONS_PER_CORE = 1;

    public ServerLimits withMaxSessions(int max, int perKey) {
        return new ServerLimits(max, perKey, handshakeTimeout, handshakesPerSecond, handshakeBurst, failedAuthLimit,
                failedAuthWindow, drainTimeout, slowReaderTimeout, maxQueuedOutputBytes);
    }

    public ServerLimits withHandshake(Duration timeout, int perSecond, int burst) {
        return new ServerLimits(maxSessions, maxSessionsPerKey, timeout, perSecond, burst, failedAuthLimit,
                failedAuthWindow, drainTimeout, slowReaderTimeout, maxQueuedOutputBytes);
    }

    public ServerLimits withFailedAuth(int limit, Duration window) {
        return new ServerLimits(maxSessions, maxSessionsPerKey, handshakeTimeout, handshakesPerSecond,
                handshakeBurst, limit, window, drainTimeout, slowReaderTimeout, maxQueuedOutputBytes);
    }

    public ServerLimits withDrainTimeout(Duration d) {
        return new ServerLimits(maxSessions, maxSessionsPerKey, handshakeTimeout, handshakesPerSecond,
                handshakeBurst, failedAuthLimit, failedAuthWindow, d, slowReaderTimeout, maxQueuedOutputBytes);
    }

    public ServerLimits withOutput(Duration slowReader, long maxQueuedBytes) {
        return new ServerLimits(maxSessions, maxSessionsPerKey, handshakeTimeout, handshakesPerSecond,
                handshakeBurst, failedAuthLimit, failedAuthWindow, drainTimeout, slowReader, maxQueuedBytes);
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }
}
