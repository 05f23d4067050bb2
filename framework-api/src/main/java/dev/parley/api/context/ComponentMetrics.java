package dev.parley.api.context;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The metrics hook a component records through. Meters are named with dots ({@code stt.decode}) and tagged with
 * key/value pairs given as alternating strings ({@code "provider", "vosk"}); the runtime maps them onto its
 * registry (Micrometer), so the SPI does not depend on one. Looking a meter up again with the same name and tags
 * returns an equivalent meter; keep the reference on a hot path. {@link #NOOP} records nothing.
 */
public interface ComponentMetrics {
    /** A monotonically increasing count. */
    interface Counter {
        void increment(double amount);

        default void increment() {
            increment(1);
        }
    }

    /** A distribution of durations. */
    interface Timer {
        void record(Duration duration);

        default void recordNanos(long nanos) {
            record(Duration.ofNanos(nanos));
        }
    }

    Counter counter(String name, String... tags);

    Timer timer(String name, String... tags);

    /** A value sampled when the registry is read; {@code value} must be cheap and thread-safe. */
    void gauge(String name, DoubleSupplier value, String... tags);

    /** Records nothing; for components created without a runtime. */
    ComponentMetrics NOOP = new ComponentMetrics() {
        @Override
        public Counter counter(String name, String... tags) {
            return amount -> { };
        }

        @Override
        public Timer timer(String name, String... tags) {
            return duration -> { };
        }

        @Override
        public void gauge(String name, DoubleSupplier value, String... tags) {
        }
    };
}
