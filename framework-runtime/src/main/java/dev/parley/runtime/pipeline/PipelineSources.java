package dev.parley.runtime.pipeline;

import java.nio.file.Path;

/** How pipeline files are named in messages and what their default pipeline name is. */
public final class PipelineSources {
    private PipelineSources() {
    }

    /** {@code file} relative to the working directory when below it (as users typed it), else absolute. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** The file name without directories and without {@code .yaml}/{@code .yml}: the default pipeline name. */
    public static String baseName(String source) {
        String s = source;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        s = s.substring(slash + 1);
        return s.replaceFirst("\\.ya?ml$", "");
    }
}
