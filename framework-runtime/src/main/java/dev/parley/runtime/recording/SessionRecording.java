package dev.parley.runtime.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.realtime.SessionTap;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one session: a {@link SessionTap} that, on the session's actor, only stamps each client event, server
 * event and core event with the monotonic clock and queues it for the {@link RecordingWriter}; parsing, base64
 * and disk I/O happen on the writer's thread. Lines of {@code events.jsonl}: {@code t_ms} since the session
 * opened, {@code dir} {@code in} (client), {@code out} (server) or {@code core}. Appended input audio goes to
 * {@code input.wav} and its line holds {@code offset}/{@code bytes} into it; output audio deltas likewise into
 * {@code output.wav}. A full queue stops the recording (one warning); the session is never held up.
 */
final class SessionRecording implements SessionTap {
    private static final Logger log = LoggerFactory.getLogger(SessionRecording.class);

    private final RecordingWriter writer;
    private final SessionFiles files;
    private final ObjectNode manifest;
    private final long startNanos = System.nanoTime();
    private final Runnable onClosed;
    private volatile RecordingState state = RecordingState.RECORDING;
    private WireFormat inputFormat = WireFormat.PCM16_24K;
    private WireFormat outputFormat = WireFormat.PCM16_24K;

    SessionRecording(RecordingWriter writer, SessionFiles files, ObjectNode manifest, Runnable onClosed) {
        this.writer = writer;
        this.files = files;
        this.manifest = manifest;
        this.onClosed = onClosed;
        queue(0, () -> files.open(manifest.deepCopy()));
    }

    RecordingState state() {
        return state;
    }

    @Override
    public void on(ConversationEvent event) {
        if (event instanceof ConversationEvent.SettingsChanged c) {
            inputFormat = c.settings().inputFormat();
            outputFormat = c.settings().outputFormat();
        }
        if (state != RecordingState.RECORDING) {
            retryStop();
            return;
        }
        ObjectNode line = CoreEventLines.of(event);
        if (line != null) {
            double t = millis(event.atNanos());
            queue(0, () -> files.event(stamp(t, "core").setAll(line)));
        }
    }

    @Override
    public void clientText(String json) {
        if (state != RecordingState.RECORDING) {
            retryStop();
            return;
        }
        double t = millis(System.nanoTime());
        queue(json.length(), () -> clientLine(t, json));
    }

    @Override
    public void clientAudio(byte[] audio) {
        if (state != RecordingState.RECORDING) {
            retryStop();
            return;
        }
        double t = millis(System.nanoTime());
        byte[] copy = audio.clone();
        queue(copy.length, () -> {
            long at = files.input(copy);
            files.event(stamp(t, "in").put("type", "input_audio_buffer.append").put("offset", at)
                    .put("bytes", copy.length));
        });
    }

    @Override
    public void serverEvent(byte[] utf8) {
        if (state != RecordingState.RECORDING) {
            retryStop();
            return;
        }
        double t = millis(System.nanoTime());
        queue(utf8.length, () -> serverLine(t, utf8));
    }

    @Override
    public void closed() {
        if (state == RecordingState.OVER) {
            return;
        }
        WireFormat in = inputFormat;
        WireFormat out = outputFormat;
        long durationMs = Math.round(millis(System.nanoTime()));
        boolean complete = state == RecordingState.RECORDING;
        // queued without its files so that it runs even after a failure: the server must forget the session
        RecordingWriter.Job close = () -> {
            if (!complete) {
                files.fail("the recording queue was full");
            } else if (!files.failed()) {
                ObjectNode m = manifest.deepCopy();
                m.put("ended_at", Instant.now().toString()).put("duration_ms", durationMs)
                        .put("input_format", in.name()).put("output_format", out.name());
                files.close(in, out, m);
            }
            onClosed.run();
        };
        state = RecordingState.OVER;
        if (!writer.offer(null, 0, close)) {
            log.warn("Session {}: the recording queue is full at the session's end; its recording is left "
                    + "unfinished", manifest.path("session_id").asText());
        }
    }

    private void clientLine(double t, String json) throws IOException {
        JsonNode event;
        try {
            event = SessionFiles.JSON.readTree(json);
        } catch (IOException notJson) {
            files.event(stamp(t, "in").put("invalid", json));
            return;
        }
        String type = event.path("type").asText();
        if (type.equals("input_audio_buffer.append")) {
            return; // its audio arrives through clientAudio when it is valid
        }
        if (type.endsWith("session.update") && event.at("/session/parley/record").isBoolean()
                && !event.at("/session/parley/record").asBoolean()) {
            files.discard();
            return;
        }
        files.event(stamp(t, "in").set("event", event));
    }

    private void serverLine(double t, byte[] utf8) throws IOException {
        JsonNode event = SessionFiles.JSON.readTree(utf8);
        if (event instanceof ObjectNode o && o.path("type").asText().endsWith("audio.delta")
                && o.path("delta").isTextual()) {
            byte[] audio = o.get("delta").binaryValue();
            long at = files.output(audio);
            o.remove("delta");
            o.putObject("audio").put("offset", at).put("bytes", audio.length);
        }
        files.event(stamp(t, "out").set("event", event));
    }

    private static ObjectNode stamp(double t, String dir) {
        return JsonNodeFactory.instance.objectNode().put("t_ms", Math.round(t * 1000) / 1000.0).put("dir", dir);
    }

    private double millis(long nanos) {
        return (nanos - startNanos) / 1e6;
    }

    private void queue(long bytes, RecordingWriter.Job job) {
        if (files.failed()) {
            state = RecordingState.OVER;
            return;
        }
        if (!writer.offer(files, bytes, job)) {
            state = RecordingState.STOPPING;
            log.warn("Session {}: recording stopped, the session goes on: the recording queue is full (the disk "
                    + "is slower than the sessions)", manifest.path("session_id").asText());
            retryStop();
        }
    }

    /** After a full queue: asks the writer to close the files, until it has room for that one job. */
    private void retryStop() {
        if (state == RecordingState.STOPPING && writer.offer(null, 0, () -> {
            files.fail("the recording queue was full");
            onClosed.run();
        })) {
            state = RecordingState.OVER;
        }
    }
}
