package dev.parley.runtime.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.parley.grpc.realtime.v1.AudioDelta;
import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.Error;
import dev.parley.grpc.realtime.v1.ResponseLifecycle;
import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.grpc.realtime.v1.Speech;
import dev.parley.grpc.realtime.v1.TextDelta;
import dev.parley.grpc.realtime.v1.TextDone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The facade's events ↔ protobuf (docs/grpc.md). Server events arrive as the WebSocket's JSON from the facade (the
 * one place that knows OpenAI's names and shapes); the ones a client acts on — audio, transcripts, the response
 * lifecycle, speech, errors — become typed messages, audio as raw bytes; every other event keeps its JSON in
 * {@code json}. Every event keeps its name in {@code type}. Client events go the other way, to the facade's JSON.
 */
final class ProtoEventMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean mirror;

    /** @param mirror also put each typed event's JSON in {@code json_mirror} (metadata {@code x-parley-json: always}) */
    ProtoEventMapper(boolean mirror) {
        this.mirror = mirror;
    }

    ServerEvent toProto(byte[] utf8) {
        JsonNode e;
        try {
            e = JSON.readTree(utf8);
        } catch (IOException ex) { // the facade writes only JSON; keep the text anyway
            return ServerEvent.newBuilder().setType("").setJson(new String(utf8, StandardCharsets.UTF_8)).build();
        }
        String type = e.path("type").asText("");
        ServerEvent.Builder b = ServerEvent.newBuilder().setType(type).setEventId(e.path("event_id").asText(""));
        switch (type) {
            case "response.output_audio.delta", "response.audio.delta" -> {
                return b.setAudioDelta(AudioDelta.newBuilder().setResponseId(text(e, "response_id"))
                        .setItemId(text(e, "item_id")).setOutputIndex(e.path("output_index").asInt())
                        .setContentIndex(e.path("content_index").asInt())
                        .setAudio(ByteString.copyFrom(Base64.getDecoder().decode(text(e, "delta"))))).build();
            }
            case "response.output_audio_transcript.delta", "response.audio_transcript.delta",
                 "response.output_text.delta", "response.text.delta",
                 "conversation.item.input_audio_transcription.delta" ->
                    b.setTextDelta(TextDelta.newBuilder().setResponseId(text(e, "response_id"))
                            .setItemId(text(e, "item_id")).setOutputIndex(e.path("output_index").asInt())
                            .setContentIndex(e.path("content_index").asInt()).setDelta(text(e, "delta")));
            case "response.output_audio_transcript.done", "response.audio_transcript.done",
                 "conversation.item.input_audio_transcription.completed" ->
                    b.setTextDone(textDone(e, text(e, "transcript")));
            case "response.output_text.done", "response.text.done" -> b.setTextDone(textDone(e, text(e, "text")));
            case "response.created", "response.done" -> {
                JsonNode r = e.path("response");
                b.setResponse(ResponseLifecycle.newBuilder().setResponseId(text(r, "id"))
                        .setStatus(text(r, "status")).setResponseJson(r.toString()));
            }
            case "input_audio_buffer.speech_started" -> b.setSpeech(Speech.newBuilder().setItemId(text(e, "item_id"))
                    .setAudioMs(e.path("audio_start_ms").asLong()));
            case "input_audio_buffer.speech_stopped" -> b.setSpeech(Speech.newBuilder().setItemId(text(e, "item_id"))
                    .setAudioMs(e.path("audio_end_ms").asLong()));
            case "error" -> {
                JsonNode x = e.path("error");
                b.setError(Error.newBuilder().setType(text(x, "type")).setCode(text(x, "code"))
                        .setMessage(text(x, "message")).setParam(text(x, "param")).setEventId(text(x, "event_id")));
            }
            default -> {
                return b.setJson(new String(utf8, StandardCharsets.UTF_8)).build();
            }
        }
        if (mirror) {
            b.setJsonMirror(new String(utf8, StandardCharsets.UTF_8));
        }
        return b.build();
    }

    private static TextDone.Builder textDone(JsonNode e, String text) {
        return TextDone.newBuilder().setResponseId(text(e, "response_id")).setItemId(text(e, "item_id"))
                .setOutputIndex(e.path("output_index").asInt()).setContentIndex(e.path("content_index").asInt())
                .setText(text);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /**
     * The facade's JSON text for a client event. An event the facade cannot read (no type, bad JSON) is passed on
     * as it is, so the client gets the same {@code error} event as on the WebSocket and the session goes on.
     */
    static byte[] toJson(ClientEvent c) {
        return switch (c.getPayloadCase()) {
            case INPUT_AUDIO_BUFFER_APPEND -> {
                ObjectNode n = JSON.createObjectNode().put("type", "input_audio_buffer.append");
                if (!c.getEventId().isEmpty()) {
                    n.put("event_id", c.getEventId());
                }
                // AppendEventReader reads the facade's audio as base64, as the WebSocket carries it
                n.put("audio", Base64.getEncoder().encodeToString(c.getInputAudioBufferAppend().getAudio()
                        .toByteArray()));
                yield toBytes(n);
            }
            case JSON -> c.getJson().getBytes(StandardCharsets.UTF_8);
            case PAYLOAD_NOT_SET -> {
                ObjectNode n = JSON.createObjectNode();
                if (!c.getType().isEmpty()) {
                    n.put("type", c.getType());
                }
                if (!c.getEventId().isEmpty()) {
                    n.put("event_id", c.getEventId());
                }
                yield toBytes(n);
            }
        };
    }

    private static byte[] toBytes(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
