package dev.parley.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository the tests run in, found from the working directory. */
public final class RepoPaths {
    private RepoPaths() {
    }

    /** The repository root: the nearest directory above the working directory that holds {@code .mvn/}. */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".mvn"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (a directory holding .mvn/) above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /**
     * {@code build/plugins}, where every plugin module packages its zip.
     *
     * @throws IllegalStateException saying how to build it when it is missing
     */
    public static Path plugins() {
        Path dir = root().resolve("build/plugins");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: build the plugins first (./parley test builds"
                    + " everything; or mvn -pl integration-tests -am verify)");
        }
        return dir;
    }
}
