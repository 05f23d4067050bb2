package dev.parley.runtime.engine.response;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices a synthesis that has gone silent: if a started clause produces neither audio nor an end for
 * {@code timeoutMs}, {@code onTimeout} runs (once). One check is pending per clause at a time; each check
 * re-arms itself for the time still left since the clause's last activity.
 */
final class TtsWatchdog {
    private final ScheduledExecutorService scheduler;
    private final long timeoutNanos;

    TtsWatchdog(ScheduledExecutorService scheduler, long timeoutMs) {
        this.scheduler = scheduler;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }

    void watch(ClauseSpeech clause, Consumer<ClauseSpeech> onTimeout) {
        schedule(clause, onTimeout, timeoutNanos);
    }

    private void schedule(ClauseSpeech clause, Consumer<ClauseSpeech> onTimeout, long delayNanos) {
        scheduler.schedule(() -> check(clause, onTimeout), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ClauseSpeech clause, Consumer<ClauseSpeech> onTimeout) {
        if (clause.finished()) {
            return;
        }
        long silent = System.nanoTime() - clause.lastActivityNanos();
        if (silent >= timeoutNanos) {
            onTimeout.accept(clause);
        } else {
            schedule(clause, onTimeout, timeoutNanos - silent);
        }
    }
}
