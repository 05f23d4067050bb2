package dev.parley.runtime.cli;

/** Process exit codes of {@code parley}. */
public final class ExitCodes {
    /** Success; also {@code serve} after a graceful drain (SIGTERM, SIGINT or POST /v1/parley/drain). */
    public static final int OK = 0;
    /**
     * Something unexpected failed (a bug or an environment problem); the message says what. Also {@code serve}
     * stopped by a second signal during a drain.
     */
    public static final int FAILURE = 1;
    /** Wrong arguments or configuration (bad YAML, unknown provider, missing model): fix the input and retry. */
    public static final int CONFIG = 2;

    private ExitCodes() {
    }
}
