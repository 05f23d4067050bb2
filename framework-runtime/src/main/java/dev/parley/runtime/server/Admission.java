package dev.parley.runtime.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which sessions are live, and whether one more may start: the server-wide and per-key caps, and the drain
 * state. A session takes a {@link Ticket} at its handshake and gives it back when its connection closes, so
 * a refusal never touches a live session.
 */
final class Admission {
    /** Why a handshake was not admitted. */
    /** Why a session or call is refused; the code and message are the same on every transport. */
    enum Refusal {
        DRAINING, SERVER_FULL, KEY_FULL;

        String code() {
            return this == DRAINING ? "server_shutting_down" : "session_limit_reached";
        }

        String message(ServerLimits l) {
            return switch (this) {
                case DRAINING -> "The server is shutting down and accepts no new sessions; try again (another "
                        + "instance will take it).";
                case SERVER_FULL -> "The server is at its limit of " + l.maxSessions() + " sessions; try again later.";
                case KEY_FULL -> "This API key is at its limit of " + l.maxSessionsPerKey()
                        + " concurrent sessions; close one or try again later.";
            };
        }
    }

    /** A live session's place; {@link #release} once. */
    final class Ticket {
        final String keyId;
        final AdmittedSession sink;
        private boolean released;

        private Ticket(String keyId, AdmittedSession sink) {
            this.keyId = keyId;
            this.sink = sink;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                Admission.this.release(this);
            }
        }
    }

    /** The outcome: a ticket, or why not. */
    record Decision(Ticket ticket, Refusal refusal) {
    }

    private final int maxSessions;
    private final int maxPerKey;
    private final ServerCounters counters;
    private final Set<Ticket> live = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perKey = new ConcurrentHashMap<>();
    private final AtomicReference<ServerState> state = new AtomicReference<>(ServerState.SERVING);
    private Runnable onEmpty = () -> { };

    Admission(ServerLimits limits, ServerCounters counters) {
        this.maxSessions = limits.maxSessions();
        this.maxPerKey = limits.maxSessionsPerKey();
        this.counters = counters;
    }

    synchronized Decision admit(String keyId, AdmittedSession sink) {
        if (state.get() != ServerState.SERVING) {
            counters.refusedDraining.increment();
            return new Decision(null, Refusal.DRAINING);
        }
        if (maxSessions > 0 && live.size() >= maxSessions) {
            counters.refusedAtCapacity.increment();
            return new Decision(null, Refusal.SERVER_FULL);
        }
        if (maxPerKey > 0 && keyId != null && perKey.getOrDefault(keyId, 0) >= maxPerKey) {
            counters.refusedAtCapacity.increment();
            return new Decision(null, Refusal.KEY_FULL);
        }
        Ticket t = new Ticket(keyId, sink);
        live.add(t);
        if (keyId != null) {
            perKey.merge(keyId, 1, Integer::sum);
        }
        return new Decision(t, null);
    }

    private void release(Ticket t) {
        Runnable empty = null;
        synchronized (this) {
            if (live.remove(t) && t.keyId != null) {
                perKey.computeIfPresent(t.keyId, (k, n) -> n <= 1 ? null : n - 1);
            }
            if (live.isEmpty() && state.get() == ServerState.DRAINING) {
                empty = onEmpty;
            }
        }
        if (empty != null) {
            empty.run();
        }
    }

    /** Stops admitting; {@code whenEmpty} runs once no session is live (at once if none is). */
    void startDraining(Runnable whenEmpty) {
        boolean nowEmpty;
        synchronized (this) {
            if (!state.compareAndSet(ServerState.SERVING, ServerState.DRAINING)) {
                return;
            }
            onEmpty = whenEmpty;
            nowEmpty = live.isEmpty();
        }
        if (nowEmpty) {
            whenEmpty.run();
        }
    }

    void drained() {
        state.set(ServerState.DRAINED);
    }

    ServerState state() {
        return state.get();
    }

    /** Ready for one more session: serving and below the cap. */
    boolean ready() {
        return state.get() == ServerState.SERVING && (maxSessions == 0 || live.size() < maxSessions);
    }

    int liveSessions() {
        return live.size();
    }

    /** The live sessions' sinks (a snapshot), for the drain. */
    java.util.List<AdmittedSession> liveSinks() {
        return live.stream().map(t -> t.sink).toList();
    }
}
