package dev.parley.runtime.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends an experiment's events to a JSON-lines file, one object per line, e.g.
 * <pre>{"ts":"2025-05-01T08:00:00.123Z","experiment":"voice-test","event":"turn","pipeline":"ab-test","variant":"B","ttfa_ms":412.3}</pre>
 * Events: {@code session} (with {@code session}, {@code reason}), {@code turn} ({@code ttfa_ms}, absent when
 * unknown), {@code barge_in}, {@code error} ({@code code}). A session served by the base pipeline (the router
 * failed) has variant {@code -}. Append-only and line-oriented, so several server
 * runs (or nodes, concatenated) add up, and a crash loses at most the line being written. A write failure is
 * logged once and never disturbs a session. Read back by {@link JournalReader}.
 */
public final class ExperimentJournal implements ExperimentRecorder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExperimentJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String experiment;
    private final Path file;
    private final Clock clock;
    private final BufferedWriter out;
    private boolean failed;

    /** Opens (creating directories as needed) {@code file} for appending. */
    public ExperimentJournal(String experiment, Path file, Clock clock) {
        this.experiment = experiment;
        this.file = file;
        this.clock = clock;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open experiment journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code <dir>/<experiment>.jsonl}, the default place ({@code build/experiments}); characters other than
     * letters, digits, {@code _ . -} become {@code _} so a name cannot escape the directory.
     */
    public static ExperimentJournal inDirectory(Path dir, String experiment) {
        String file = experiment.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^\\.+", "_") + ".jsonl";
        return new ExperimentJournal(experiment, dir.resolve(file), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    @Override
    public void assigned(String sessionId, String pipeline, String variant, String reason) {
        write(event("session", pipeline, variant).put("session", sessionId).put("reason", reason));
    }

    @Override
    public void turn(String pipeline, String variant, double ttfaMs) {
        ObjectNode n = event("turn", pipeline, variant);
        if (!Double.isNaN(ttfaMs)) {
            n.put("ttfa_ms", Math.round(ttfaMs * 10) / 10.0);
        }
        write(n);
    }

    @Override
    public void bargeIn(String pipeline, String variant) {
        write(event("barge_in", pipeline, variant));
    }

    @Override
    public void error(String pipeline, String variant, String code) {
        write(event("error", pipeline, variant).put("code", code));
    }

    private ObjectNode event(String type, String pipeline, String variant) {
        return JSON.createObjectNode().put("ts", clock.instant().toString()).put("experiment", experiment)
                .put("event", type).put("pipeline", pipeline).put("variant", variant == null ? "-" : variant);
    }

    private synchronized void write(ObjectNode line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            if (!failed) {
                failed = true;
                log.warn("Experiment journal {}: write failed ({}); further events of this run may be missing",
                        file, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("Experiment journal {}: close failed ({})", file, e.getMessage());
        }
    }
}
