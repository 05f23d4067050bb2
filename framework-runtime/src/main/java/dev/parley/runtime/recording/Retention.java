package dev.parley.runtime.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention policy: a recording (a folder with a {@code manifest.json}) older than {@code keep_days} is
 * deleted, then the oldest go until all of them together fit in {@code max_mb}. Sessions still recording are
 * never deleted. Runs on the writer thread at start and after each session ends.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RecordSettings settings;

    Retention(RecordSettings settings) {
        this.settings = settings;
    }

    private record Recording(Path dir, Instant modified, long bytes) {
    }

    /** Applies the policy now; {@code live} are the folders of sessions still recording. Returns what it deleted. */
    List<Path> apply(Set<Path> live, Instant now) throws IOException {
        if (!Files.isDirectory(settings.dir())) {
            return List.of();
        }
        List<Recording> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(settings.dir())) {
            for (Path d : dirs.toList()) {
                if (Files.isRegularFile(d.resolve(SessionFiles.MANIFEST)) && !live.contains(d)) {
                    all.add(new Recording(d, Files.getLastModifiedTime(d.resolve(SessionFiles.MANIFEST)).toInstant(),
                            size(d)));
                }
            }
        }
        all.sort(Comparator.comparing(Recording::modified));
        List<Path> deleted = new ArrayList<>();
        long total = all.stream().mapToLong(Recording::bytes).sum();
        Instant oldest = now.minus(Duration.ofDays(settings.keepDays()));
        for (Recording r : all) {
            boolean expired = settings.keepDays() > 0 && r.modified().isBefore(oldest);
            if (expired || total > settings.maxBytes()) {
                delete(r.dir());
                total -= r.bytes();
                deleted.add(r.dir());
            }
        }
        if (!deleted.isEmpty()) {
            log.info("Recordings: deleted {} past keep_days {} / max_mb {}", deleted.size(), settings.keepDays(),
                    settings.maxMb());
        }
        return deleted;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long sum = 0;
            for (Path p : files.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                sum += a.isRegularFile() ? a.size() : 0;
            }
            return sum;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
