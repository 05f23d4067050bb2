package dev.parley.runtime.realtime;

import java.util.Objects;

/**
 * One field of a partial update as the client sent it: absent (keep the current value), {@code null} (clear it)
 * or a value. The protocol tells the three apart — {@code "idle_timeout_ms": null} clears the timeout where an
 * absent key keeps it — so a nullable Java field alone could not carry the update.
 */
public sealed interface Change<T> {
    /** The key was absent. */
    record Keep<T>() implements Change<T> {
    }

    /** The key was JSON {@code null}, or a value that means "none" ({@code "inf"} tokens). */
    record Clear<T>() implements Change<T> {
    }

    record To<T>(T value) implements Change<T> {
        public To {
            Objects.requireNonNull(value, "value");
        }
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    /** {@code value}, or {@link Clear} when it is null. */
    static <T> Change<T> to(T value) {
        return value == null ? new Clear<>() : new To<>(value);
    }

    /** True unless the key was absent. */
    default boolean present() {
        return !(this instanceof Keep<T>);
    }

    /** The field after the update. */
    default T over(T current) {
        return switch (this) {
            case Keep<T> k -> current;
            case Clear<T> c -> null;
            case To<T> t -> t.value();
        };
    }
}
