package dev.parley.runtime.engine.response;

/**
 * Where one response's model text goes: straight to the client (a text-only response), into clauses for speech
 * as it comes (overlapped), or held whole until the model is done (turn-based, {@code overlap: false}). On the
 * session actor.
 */
final class TextRoute {
    private final ResponseOutput output;
    private final ClausePipeline clauses;
    private final ClauseChunker chunker = new ClauseChunker();
    private final StringBuilder turnBased;

    /** @param clauses the response's speech, or null for a text-only response */
    TextRoute(ResponseOutput output, ClausePipeline clauses, boolean overlap) {
        this.output = output;
        this.clauses = clauses;
        this.turnBased = overlap ? null : new StringBuilder();
    }

    void text(String delta) {
        if (turnBased != null) {
            turnBased.append(delta);
        } else if (clauses == null) {
            output.text(delta);
        } else {
            speak(delta);
        }
    }

    /**
     * The model is done: what is held goes out, the last clause is cut. Returns true when speech is still to be
     * synthesised (the completion then waits for the clause pipeline to drain).
     */
    boolean modelDone() {
        if (turnBased != null) {
            String all = turnBased.toString();
            if (clauses != null) {
                speak(all);
            } else if (!all.isEmpty()) {
                output.text(all);
            }
        }
        if (clauses == null) {
            return false;
        }
        String rest = chunker.flush();
        if (rest != null) {
            clauses.add(rest);
        }
        clauses.finish();
        return true;
    }

    private void speak(String text) {
        for (String clause : chunker.push(text)) {
            clauses.add(clause);
        }
    }
}
