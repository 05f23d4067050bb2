package dev.parley.runtime.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT start a graceful drain instead of the JVM's immediate shutdown (which exits 143). A second
 * signal while draining exits at once through the shutdown hooks (exit 1). Uses {@code sun.misc.Signal}
 * (module jdk.unsupported), the only JDK way to handle a signal; when it is missing the caller falls back to a
 * shutdown hook that drains before closing.
 */
final class DrainSignals {
    private static final Logger log = LoggerFactory.getLogger(DrainSignals.class);

    private DrainSignals() {
    }

    /** Returns whether the handlers are installed. */
    static boolean install(Runnable drain) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                boolean[] seen = new boolean[1];
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    if (seen[0]) {
                        log.info("SIG{} again while draining: exiting now", name);
                        new Thread(() -> System.exit(ExitCodes.FAILURE), "parley-exit").start();
                        return;
                    }
                    seen[0] = true;
                    log.info("SIG{} received: draining", name);
                    new Thread(drain, "parley-drain").start();
                });
            }
            return true;
        } catch (LinkageError | IllegalArgumentException | UnsupportedOperationException e) {
            log.debug("signal handlers unavailable: {}", e.toString());
            return false;
        }
    }
}
