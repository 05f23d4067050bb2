package dev.parley.runtime.bench;

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

    void note(String line) {
        out.println(line);
        out.flush();
    }
}
