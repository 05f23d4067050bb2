package dev.parley.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * The packaging check every plugin needs: PF4J finds extensions only through {@code META-INF/extensions.idx}, which
 * pf4j's annotation processor writes at compile time (javac 23+ runs it only with {@code <proc>full</proc>}), so a
 * provider missing from the index loads as a plugin with no component. A plugin's test calls
 * {@link #assertListed} with its provider class.
 */
public final class ExtensionIndex {
    static final String RESOURCE = "META-INF/extensions.idx";

    private ExtensionIndex() {
    }

    /** The text of every {@code META-INF/extensions.idx} that {@code loader} sees. */
    public static List<String> indexes(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(RESOURCE)).stream().map(ExtensionIndex::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless an extension index on {@code extension}'s class path lists it. */
    public static void assertListed(Class<?> extension) {
        List<String> indexes = indexes(extension.getClassLoader());
        assertTrue(indexes.stream().anyMatch(s -> s.contains(extension.getName())),
                extension.getSimpleName() + " missing from " + RESOURCE + ": " + indexes);
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
