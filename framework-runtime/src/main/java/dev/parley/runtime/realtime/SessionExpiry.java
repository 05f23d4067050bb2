package dev.parley.runtime.realtime;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A session's maximum duration (OpenAI's 60 minutes): the {@code expires_at} it announces and the timer that ends it. */
final class SessionExpiry {
    private SessionExpiry() {
    }

    /** {@code expires_at} says when {@link #expire} will end the session. */
    static SessionIdentity withExpiry(SessionIdentity id, Duration max) {
        if (max.isZero()) {
            return id;
        }
        long at = Instant.now().plus(max).getEpochSecond();
        return new SessionIdentity(id.id(), at, id.pipeline(), id.variant());
    }

    /**
     * Runs {@code action} on {@code target} after {@code after}, holding it weakly: a closed session must not stay in
     * the timer queue for the rest of the hour.
     */
    static <T> ScheduledFuture<?> scheduleWeakly(ScheduledExecutorService timers, T target, Duration after,
                                                 Consumer<T> action) {
        WeakReference<T> ref = new WeakReference<>(target);
        return timers.schedule(() -> {
            T t = ref.get();
            if (t != null) {
                action.accept(t);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            long m = d.toMinutes();
            return m + (m == 1 ? " minute" : " minutes");
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " seconds" : d.toMillis() + " ms";
    }
}
