package dev.parley.runtime.cli;

import dev.parley.api.ConfigException;
import dev.parley.runtime.server.ServerLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code serve}'s limits on connections and sessions: admission, handshakes, failed logins, drain, slow readers. */
final class ConnectionLimitOptions {
    @Option(names = "--max-sessions", paramLabel = "N",
            description = "Live sessions admitted; one more is refused at the handshake (error, close 1013). "
                    + "0 = no limit. Default: 1 per core (2 on 2 cores: the default pipeline's measured capacity by time to "
                    + "first audio, BENCHMARKS.md).")
    Integer maxSessions;

    @Option(names = "--max-sessions-per-key", defaultValue = "0", paramLabel = "N",
            description = "Live sessions per API key (ephemeral keys count for the key that minted them); "
                    + "0 = no limit (default).")
    int maxSessionsPerKey;

    @Option(names = "--handshake-timeout-seconds", defaultValue = "10", paramLabel = "S",
            description = "Close a connection that has not finished its HTTP upgrade or request by then "
                    + "(default: ${DEFAULT-VALUE}).")
    int handshakeTimeoutSeconds;

    @Option(names = "--handshakes-per-second", defaultValue = "20", paramLabel = "N",
            description = "Sustained handshakes per remote address, bursts of up to --handshake-burst; above "
                    + "it HTTP 429. 0 = no limit (default: ${DEFAULT-VALUE}).")
    int handshakesPerSecond;

    @Option(names = "--handshake-burst", defaultValue = "100", paramLabel = "N",
            description = "Handshakes one address may make at once (default: ${DEFAULT-VALUE}).")
    int handshakeBurst;

    @Option(names = "--failed-logins-per-minute", defaultValue = "10", paramLabel = "N",
            description = "Failed logins per remote address in a minute before it gets HTTP 429 for the rest "
                    + "of that minute. 0 = no limit (default: ${DEFAULT-VALUE}).")
    int failedLoginsPerMinute;

    @Option(names = "--drain-seconds", defaultValue = "30", paramLabel = "S",
            description = "On SIGTERM or POST /v1/parley/drain: how long responses in flight may finish before "
                    + "every session is closed 1001 (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--slow-reader-seconds", defaultValue = "15", paramLabel = "S",
            description = "Close a client whose queued output made no progress for this long (default: "
                    + "${DEFAULT-VALUE}).")
    int slowReaderSeconds;

    @Option(names = "--max-queued-output-mb", defaultValue = "16", paramLabel = "MB",
            description = "Output queued for one client beyond which it is closed at once (default: "
                    + "${DEFAULT-VALUE}, about 4 minutes of 24 kHz audio).")
    int maxQueuedOutputMb;

    /** Refuses a negative count or a timeout or size below 1 (exit 2 before anything loads). */
    void check() {
        if (maxSessions != null && maxSessions < 0 || maxSessionsPerKey < 0 || handshakeTimeoutSeconds < 1
                || drainSeconds < 0 || slowReaderSeconds < 1 || maxQueuedOutputMb < 1
                || handshakesPerSecond < 0 || handshakeBurst < 1 || failedLoginsPerMinute < 0) {
            throw new ConfigException("limits: --max-sessions, --max-sessions-per-key, --handshakes-per-second, "
                    + "--failed-logins-per-minute and --drain-seconds must be 0 or more; the other timeouts and "
                    + "sizes and --handshake-burst 1 or more");
        }
    }

    int effectiveMaxSessions() {
        return maxSessions != null ? maxSessions
                : ServerLimits.defaultMaxSessions(Runtime.getRuntime().availableProcessors());
    }

    ServerLimits serverLimits() {
        int max = effectiveMaxSessions();
        return ServerLimits.serving(max).withMaxSessions(max, maxSessionsPerKey)
                .withHandshake(Duration.ofSeconds(handshakeTimeoutSeconds), handshakesPerSecond, handshakeBurst)
                .withFailedAuth(failedLoginsPerMinute, Duration.ofMinutes(1))
                .withDrainTimeout(Duration.ofSeconds(drainSeconds))
                .withOutput(Duration.ofSeconds(slowReaderSeconds), maxQueuedOutputMb * 1024L * 1024);
    }
}
