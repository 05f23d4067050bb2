package dev.parley.plugins.silero;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Parley's files live: the system property {@code parley.home} when set (the launcher sets it), else the
 * nearest directory at or above the working directory that holds {@code .mvn/} (a source checkout), else the
 * working directory.
 */
final class ParleyHome {
    private ParleyHome() {
    }

    static Path locate() {
        String home = System.getProperty("parley.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return cwd;
    }
}
