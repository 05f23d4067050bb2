package dev.parley.runtime.input;

/**
 * One user utterance as the input path tracks it (actor-confined). The recogniser may decode it more than once:
 * a speculative final closes a recogniser utterance before the turn has ended, and if the user goes on, a new
 * {@link Attempt} decodes the whole utterance again. Only the latest attempt's final counts.
 *
 * <pre>
 * STREAMING ──pause──► SPECULATING ──final──► SPECULATIVE_FINAL
 *     ▲                    │                        │
 *     └──────resume────────┴────────────────────────┘
 * STREAMING / SPECULATING ──end──► ENDING ──final──► FINAL
 * SPECULATIVE_FINAL ──end──► FINAL
 * any live state ──drop──► DROPPED;  ──recogniser failure──► FAILED
 * </pre>
 */
final class Utterance {
    /** One recogniser utterance decoding (all or the start of) an utterance; compared by identity. */
    static final class Attempt {
        private final Utterance utterance;

        private Attempt(Utterance utterance) {
            this.utterance = utterance;
        }

        Utterance utterance() {
            return utterance;
        }
    }

    /** Where the utterance's recognition stands. Only the transitions below set it. */
    sealed interface State {
    }

    /** The turn goes on; the recogniser is being fed {@code attempt}. */
    record Streaming(Attempt attempt) implements State {
    }

    /** The turn goes on; {@code attempt} was closed early for a speculative final, which is not in yet. */
    record Speculating(Attempt attempt) implements State {
    }

    /** The turn goes on and the speculative final is in; the user speaking again makes it void. */
    record SpeculativeFinal(String heard) implements State {
    }

    /** The turn is over; the latest attempt's final is still being decoded. */
    record Ending(Attempt attempt) implements State {
    }

    /** The turn is over and the latest attempt's final is in: {@code heard} is the transcript. */
    record Final(String heard) implements State {
    }

    /** Cleared or superseded before its turn ended: finals still in flight are ignored. */
    record Dropped() implements State {
    }

    /** Its recognition was lost (STT error or timeout): no final will come. */
    record Failed() implements State {
    }

    private static final State DROPPED = new Dropped();
    private static final State FAILED = new Failed();

    final long id;
    final long startMs;
    final TranscriptDeltaTracker transcript = new TranscriptDeltaTracker();
    private State state;

    /** A new utterance, streaming to its first attempt ({@link #attempt()}). */
    Utterance(long id, long startMs) {
        this.id = id;
        this.startMs = startMs;
        this.state = new Streaming(new Attempt(this));
    }

    State state() {
        return state;
    }

    /** The attempt being fed, or null when the utterance is not streaming. */
    Attempt attempt() {
        return state instanceof Streaming s ? s.attempt() : null;
    }

    /** Dropped or failed: nothing more is reported for it. */
    boolean isVoid() {
        return state instanceof Dropped || state instanceof Failed;
    }

    boolean isFailed() {
        return state instanceof Failed;
    }

    /** True while {@code a} is the attempt whose final counts: the latest, of an utterance still live. */
    boolean counts(Attempt a) {
        return switch (state) {
            case Streaming s -> s.attempt() == a;
            case Speculating s -> s.attempt() == a;
            case Ending e -> e.attempt() == a;
            case SpeculativeFinal f -> false;
            case Final f -> false;
            case Dropped d -> false;
            case Failed f -> false;
        };
    }

    /** STREAMING → SPECULATING: the attempt's recogniser utterance was ended before the turn. */
    void speculate() {
        if (state instanceof Streaming s) {
            state = new Speculating(s.attempt());
        }
    }

    /**
     * SPECULATING / SPECULATIVE_FINAL → STREAMING: the user speaks again, the speculative final is void and a new
     * attempt decodes the whole utterance. Returns that attempt, or null if the utterance is no longer live.
     */
    Attempt restream() {
        if (state instanceof Speculating || state instanceof SpeculativeFinal) {
            Attempt next = new Attempt(this);
            state = new Streaming(next);
            return next;
        }
        return null;
    }

    /**
     * The turn is over. STREAMING / SPECULATING → ENDING (the final is still to come), SPECULATIVE_FINAL → FINAL
     * (it is in). Returns true when the final is in.
     */
    boolean end() {
        switch (state) {
            case Streaming s -> state = new Ending(s.attempt());
            case Speculating s -> state = new Ending(s.attempt());
            case SpeculativeFinal f -> {
                state = new Final(f.heard());
                return true;
            }
            default -> {
            }
        }
        return false;
    }

    /**
     * The counting attempt's final came. SPECULATING → SPECULATIVE_FINAL (returns false: the turn goes on),
     * ENDING → FINAL (returns true: report it).
     */
    boolean finalHeard(String heard) {
        if (state instanceof Ending) {
            state = new Final(heard);
            return true;
        }
        state = new SpeculativeFinal(heard);
        return false;
    }

    /** Without a recogniser the turn ends with nothing heard. */
    void endUnheard() {
        state = new Final("");
    }

    /** The transcript to report: set in FINAL only. */
    String heard() {
        return state instanceof Final f ? f.heard() : null;
    }

    /** → DROPPED (cleared, or superseded by a format or mode switch). */
    void drop() {
        state = DROPPED;
    }

    /** → FAILED; returns true when the utterance was live, so its failure is reported once. */
    boolean fail() {
        boolean wasLive = !isVoid();
        state = FAILED;
        return wasLive;
    }
}
