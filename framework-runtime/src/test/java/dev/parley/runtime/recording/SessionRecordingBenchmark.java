package dev.parley.runtime.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What recording costs on the session's actor per event: the time stamp, a copy of the append's bytes and one
 * queue offer (parsing, base64 and the disk are on the writer thread). Prints the figure; asserts only that
 * everything offered was written.
 */
class SessionRecordingBenchmark {
    @TempDir
    Path dir;

    @Test
    void anAppendAndAnAudioDeltaCostAQueueOfferEachOnTheActor() throws Exception {
        oneMinute("sess_warm"); // warm-up: the JIT, the writer's first files
        double[] measured = oneMinute("sess_b");
        System.out.printf("SessionRecording on the actor: %.0f ns CPU per event (append or delta, 3000 each, after a "
                + "warm-up run); the writer finished the rest %.0f ms after the last%n", measured[0], measured[1]);
    }

    /** One minute of a session's appends and deltas; returns ns per event on the caller and the drain in ms. */
    private double[] oneMinute(String id) throws Exception {
        RecordingWriter writer = new RecordingWriter(1 << 16, 256L << 20);
        SessionRecording s = new SessionRecording(writer, new SessionFiles(id, dir.resolve(id), 1L << 30),
                JsonNodeFactory.instance.objectNode().put("session_id", id), () -> { });
        byte[] append = new byte[960]; // 20 ms of 24 kHz PCM16
        byte[] delta = ("{\"type\":\"response.output_audio.delta\",\"event_id\":\"e\",\"response_id\":\"r\","
                + "\"item_id\":\"i\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                + Base64.getEncoder().encodeToString(new byte[2880]) + "\"}").getBytes(StandardCharsets.UTF_8);
        int n = 3000; // one minute of a session: 50 appends and 50 deltas a second
        // the calling thread's CPU time, not wall time: on a loaded 2-core machine the writer thread and other
        // processes preempt the loop, which would be counted as its cost
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            s.clientAudio(append);
            s.serverEvent(delta);
        }
        double ns = (cpu.getCurrentThreadCpuTime() - t0) / (2.0 * n);
        long drain0 = System.nanoTime();
        s.closed();
        writer.close();
        double drainMs = (System.nanoTime() - drain0) / 1e6;
        assertSame(RecordingState.OVER, s.state());
        assertEquals(2 * n, Files.readAllLines(dir.resolve(id).resolve("events.jsonl")).size(), "all written");
        return new double[] {ns, drainMs};
    }
}
