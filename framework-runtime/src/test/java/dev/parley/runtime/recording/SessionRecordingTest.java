package dev.parley.runtime.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.realtime.SessionTap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's files and its bounds: what a session writes, a full queue and a full disk stop the recording
 * with the session's calls still returning at once, the client's switch-off deletes it, retention deletes old
 * and surplus recordings. The writer thread and the files are real; /dev/full stands in for a full disk.
 */
class SessionRecordingTest {
    @TempDir
    Path dir;

    private SessionRecording session(RecordingWriter writer, String id, long maxBytes) {
        return new SessionRecording(writer, new SessionFiles(id, dir.resolve(id), maxBytes),
                JsonNodeFactory.instance.objectNode().put("session_id", id), () -> { });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesEventsAudioAndManifest() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        SessionRecording s = session(writer, "sess_1", 1 << 20);
        byte[] in = new byte[960];
        in[0] = 7;
        byte[] out = {1, 2, 3, 4};
        s.clientText("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
        s.clientAudio(in);
        s.clientText("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAAA\"}");
        s.on(new ConversationEvent.SpeechStarted(System.nanoTime(), "item_1", 120));
        s.on(new ConversationEvent.TextDelta(System.nanoTime(), "resp_1", "item_2", 0, "hi", true));
        s.serverEvent(utf8("{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_1\",\"delta\":\""
                + Base64.getEncoder().encodeToString(out) + "\"}"));
        s.closed();
        writer.close();

        Path d = dir.resolve("sess_1");
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(d.resolve("events.jsonl"))) {
            lines.add(SessionFiles.JSON.readTree(l));
        }
        assertEquals(4, lines.size(), "update, append, speech started, audio delta: " + lines);
        assertEquals("session.update", lines.get(0).at("/event/type").asText());
        assertEquals("in", lines.get(1).path("dir").asText());
        assertEquals(960, lines.get(1).path("bytes").asInt());
        assertEquals("SpeechStarted", lines.get(2).path("type").asText());
        assertEquals(120, lines.get(2).path("audio_start_ms").asInt());
        assertEquals(4, lines.get(3).at("/event/audio/bytes").asInt());
        assertTrue(lines.get(3).at("/event/delta").isMissingNode(), "audio goes to output.wav, not the log");
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i).path("t_ms").asDouble() >= lines.get(i - 1).path("t_ms").asDouble(),
                    "monotonic timestamps: " + lines);
        }
        byte[] inWav = Files.readAllBytes(d.resolve("input.wav"));
        assertEquals(WavFile.HEADER_BYTES + 960, inWav.length);
        assertEquals(7, inWav[WavFile.HEADER_BYTES]);
        assertEquals(24000, java.nio.ByteBuffer.wrap(inWav, 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        byte[] outWav = Files.readAllBytes(d.resolve("output.wav"));
        assertEquals(3, outWav[WavFile.HEADER_BYTES + 2]);
        JsonNode manifest = SessionFiles.JSON.readTree(d.resolve("manifest.json").toFile());
        assertEquals("PCM16_24K", manifest.path("input_format").asText());
        assertTrue(manifest.has("ended_at"));
    }

    @Test
    void aFullQueueStopsTheRecordingAndTheSessionsCallsStillReturnAtOnce() throws Exception {
        RecordingWriter writer = new RecordingWriter(8, 1 << 20);
        CountDownLatch release = new CountDownLatch(1);
        assertTrue(writer.offer(null, 0, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        SessionRecording s = session(writer, "sess_full", 1 << 20);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            s.clientAudio(new byte[960]);
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(s.state() == RecordingState.RECORDING, "stopped once the queue was full");
        release.countDown();
        s.clientAudio(new byte[960]); // after the writer drained: queues the stop, records nothing more
        s.closed();
        writer.close();
        assertSame(RecordingState.OVER, s.state());
        List<String> lines = Files.readAllLines(dir.resolve("sess_full/events.jsonl"));
        assertTrue(lines.size() < 100, "only what fitted was written: " + lines.size());
        System.out.println("100 appends against a full queue took " + tookMs + " ms; " + lines.size() + " written");
    }

    @Test
    void aDiskErrorStopsTheRecordingWithAWarningAndTheSessionGoesOn() throws Exception {
        Path d = Files.createDirectories(dir.resolve("sess_disk"));
        Files.createSymbolicLink(d.resolve("events.jsonl"), Path.of("/dev/full"));
        RecordingWriter writer = new RecordingWriter();
        SessionFiles files = new SessionFiles("sess_disk", d, 1 << 20);
        SessionRecording s = new SessionRecording(writer, files,
                JsonNodeFactory.instance.objectNode().put("session_id", "sess_disk"), () -> { });
        for (int i = 0; i < 3000; i++) { // more than the writer's 8 KiB buffer: the write reaches /dev/full
            s.clientText("{\"type\":\"conversation.item.create\",\"n\":" + i + "}");
        }
        awaitFailed(files);
        s.clientText("{\"type\":\"response.create\"}");
        assertSame(RecordingState.OVER, s.state(), "no more queued after the failure");
        s.closed();
        writer.close();
        assertTrue(files.failure().contains("No space left on device"), files.failure());
    }

    @Test
    void theSizeCapStopsOneSessionsRecording() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        SessionFiles files = new SessionFiles("sess_cap", dir.resolve("sess_cap"), 10_000);
        SessionRecording s = new SessionRecording(writer, files,
                JsonNodeFactory.instance.objectNode().put("session_id", "sess_cap"), () -> { });
        for (int i = 0; i < 20; i++) {
            s.clientAudio(new byte[960]);
        }
        s.closed();
        writer.close();
        assertTrue(files.failure().contains("max_mb"), files.failure());
    }

    @Test
    void theClientSwitchesItsRecordingOffAndWhatWasWrittenIsDeleted() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        SessionRecording s = session(writer, "sess_off", 1 << 20);
        s.clientAudio(new byte[960]);
        s.clientText("{\"type\":\"session.update\",\"session\":{\"parley\":{\"record\":false}}}");
        s.clientAudio(new byte[960]);
        s.closed();
        writer.close();
        assertFalse(Files.exists(dir.resolve("sess_off")));
    }

    @Test
    void aQueryParameterSwitchesOneSessionOff() {
        assertTrue(Recordings.switchedOff("off"));
        assertTrue(Recordings.switchedOff("false"));
        assertFalse(Recordings.switchedOff(null));
        assertFalse(Recordings.switchedOff("on"));
        assertSame(SessionTap.NONE, Recordings.OFF.open("websocket", null, null, Map.of()));
    }

    @Test
    void retentionDeletesExpiredThenOldestBeyondTheSize() throws Exception {
        Instant now = Instant.now();
        Path old = recording("old", 10, now.minus(Duration.ofDays(9)));
        Path a = recording("a", 600_000, now.minus(Duration.ofHours(3)));
        Path b = recording("b", 600_000, now.minus(Duration.ofHours(2)));
        Path live = recording("live", 600_000, now.minus(Duration.ofHours(4)));
        List<Path> deleted = new Retention(new RecordSettings(dir, 7, 1)).apply(Set.of(live), now);
        assertEquals(List.of(old, a), deleted, "expired first, then the oldest until 1 MiB fits");
        assertTrue(Files.exists(b));
        assertTrue(Files.exists(live), "a session still recording is never deleted");
    }

    private Path recording(String name, int bytes, Instant modified) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.write(d.resolve("input.wav"), new byte[bytes]);
        Path m = Files.writeString(d.resolve("manifest.json"), "{}");
        Files.setLastModifiedTime(m, FileTime.from(modified));
        return d;
    }

    private static void awaitFailed(SessionFiles files) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!files.failed() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertNotNull(files.failure(), "the full disk was noticed");
    }
}
