package dev.parley.plugins.pocketsphinx.turn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a test resource of {@code complete<TAB>unfinished} pairs ('#' starts a comment line). */
final class LabelledTurns {
    record Pair(String complete, String unfinished) {
    }

    private LabelledTurns() {
    }

    static List<Pair> read(String resource) {
        var in = LabelledTurns.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Pair> pairs = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2) {
                    throw new IllegalStateException(resource + ": expected complete<TAB>unfinished: " + line);
                }
                pairs.add(new Pair(cols[0].strip(), cols[1].strip()));
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
