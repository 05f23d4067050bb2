package dev.parley.bench;

import dev.parley.runtime.plugins.ComponentRegistry;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * What every benchmark section shares: where to print, the WebSocket client, the one audio pacer, the speech
 * fixtures, the loaded components and the run's settings.
 */
record BenchContext(PrintWriter out, HttpClient http, AudioPacer pacer, Path speechDir, ComponentRegistry registry,
                    BenchSettings settings) {
    /** A speech fixture under testdata/speech, trimmed and at 24 kHz. */
    short[] speech(String fixture) {
        return AudioTrack.speech(speechDir.resolve(fixture));
    }

    /** What is said in each fixture (testdata/speech/transcripts.tsv: file, tab, text). */
    java.util.Map<String, String> transcripts() {
        try {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (String line : java.nio.file.Files.readAllLines(speechDir.resolve("transcripts.tsv"))) {
                String[] cols = line.split("\t", 2);
                if (cols.length == 2) {
                    m.put(cols[0].strip(), cols[1].strip());
                }
            }
            return m;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void note(String line) {
        out.println(line);
        out.flush();
    }
}
