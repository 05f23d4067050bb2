package dev.parley.runtime.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.WireFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's recording folder: {@code events.jsonl}, {@code input.wav}, {@code output.wav},
 * {@code manifest.json}. Everything but {@link #failed} runs on the writer thread. Its size is capped: reaching
 * {@code maxBytes} stops the recording like a full disk does, with a warning.
 */
final class SessionFiles {
    private static final Logger log = LoggerFactory.getLogger(SessionFiles.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVENTS = "events.jsonl";
    static final String INPUT = "input.wav";
    static final String OUTPUT = "output.wav";
    static final String MANIFEST = "manifest.json";

    private final String sessionId;
    private final Path dir;
    private final long maxBytes;
    private volatile String failure;
    private Writer events;
    private WavFile input;
    private WavFile output;
    private long written;
    private boolean closed;

    SessionFiles(String sessionId, Path dir, long maxBytes) {
        this.sessionId = sessionId;
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    Path dir() {
        return dir;
    }

    boolean failed() {
        return failure != null;
    }

    /** Why the recording stopped early, or null. */
    String failure() {
        return failure;
    }

    void open(ObjectNode manifest) throws IOException {
        Files.createDirectories(dir);
        writeManifest(manifest);
        events = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8);
        input = new WavFile(dir.resolve(INPUT));
        output = new WavFile(dir.resolve(OUTPUT));
    }

    void event(ObjectNode line) throws IOException {
        String text = JSON.writeValueAsString(line);
        count(text.length() + 1);
        events.write(text);
        events.write('\n');
    }

    /** Appends input audio; returns its offset in {@code input.wav}'s data. */
    long input(byte[] audio) throws IOException {
        count(audio.length);
        long at = input.dataBytes();
        input.append(audio);
        return at;
    }

    long output(byte[] audio) throws IOException {
        count(audio.length);
        long at = output.dataBytes();
        output.append(audio);
        return at;
    }

    private void count(long bytes) throws IOException {
        written += bytes;
        if (written > maxBytes) {
            throw new IOException("the recording reached max_mb (" + maxBytes / (1024 * 1024) + " MiB)");
        }
    }

    /** Flushes, fixes the WAV headers for the formats the session ended in, and rewrites the manifest. */
    void close(WireFormat inputFormat, WireFormat outputFormat, ObjectNode manifest) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (Writer e = events) {
            e.flush();
        } finally {
            input.close(inputFormat);
            output.close(outputFormat);
        }
        writeManifest(manifest);
    }

    private void writeManifest(ObjectNode manifest) throws IOException {
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        Files.move(tmp, dir.resolve(MANIFEST), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops the recording (what was written stays, as far as it got); the session goes on. Once. */
    void fail(String why) {
        if (failure != null) {
            return;
        }
        failure = why;
        log.warn("Session {}: recording stopped, the session goes on: {}", sessionId, why);
        closeQuietly();
    }

    /** The client switched recording off: stop and delete what was written. */
    void discard() {
        if (failure != null) {
            return;
        }
        failure = "switched off by the client";
        closeQuietly();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Session {}: cannot delete its recording {}: {}", sessionId, dir, e.toString());
        }
        log.info("Session {}: recording switched off by the client; deleted", sessionId);
    }

    private void closeQuietly() {
        closed = true;
        for (AutoCloseable c : new AutoCloseable[] {events, input, output}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // already failing: the warning above says so
            }
        }
    }
}
