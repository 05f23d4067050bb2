package dev.parley.it.e2e;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@code parley serve} per distinct argument list for the whole test run, shared by the classes that start it
 * alike. Each start loads the default pipeline (pocketsphinx, MaryTTS) in a new JVM; the classes below only open
 * sessions of their own on it, so a fresh server per class bought nothing but that start-up. The server belongs
 * to JUnit's root store, which closes it when the run ends (or {@link ParleyServeProcess}'s shutdown hook does,
 * when the JVM ends first). Register it as {@code @RegisterExtension static final SharedServe SERVE = new
 * SharedServe(args)}; its {@code beforeAll} runs before the class's own {@code @BeforeAll} methods.
 */
public final class SharedServe implements BeforeAllCallback {
    /** The API key of the shared {@code --api-key} server (the key every client of it sends). */
    public static final String API_KEY = "sk-it-shared";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedServe.class);

    private final List<String> args;
    private volatile ParleyServeProcess server;

    public SharedServe(String... args) {
        this.args = List.of(args);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NS).getOrComputeIfAbsent(args, k -> Running.start(args), Running.class)
                .server();
    }

    /** The running server (after this extension's {@code beforeAll}). */
    public ParleyServeProcess server() {
        if (server == null) {
            throw new IllegalStateException("SharedServe is used before its beforeAll: register it on a static field");
        }
        return server;
    }

    /** What the root store holds and closes at the end of the run. */
    private record Running(ParleyServeProcess server) implements ExtensionContext.Store.CloseableResource {
        static Running start(List<String> args) {
            try {
                return new Running(ParleyServeProcess.start(args.toArray(String[]::new)));
            } catch (Exception e) {
                throw new IllegalStateException("parley serve " + args + " did not start", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            server.close();
        }
    }
}
