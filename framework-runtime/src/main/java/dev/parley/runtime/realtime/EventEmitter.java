package dev.parley.runtime.realtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.Ids;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Builds and sends server events: every event gets its dialect's name and a fresh {@code event_id}.
 * Code names events by their GA name; the beta renames happen here.
 */
public final class EventEmitter {
    /**
     * Shared mapper. Its string limit is raised above Jackson's 20 MB default so a maximal (15 MiB, base64)
     * append parses and gets the proper size error rather than a parse failure. Its buffers come from a shared
     * pool: session tasks run on short-lived virtual threads, for which Jackson's default per-thread pool would
     * allocate fresh buffers for every event.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(32 * 1024 * 1024).build())
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());

    private final EventSink sink;
    private final Dialect dialect;
    private final java.util.function.Consumer<String> errorCodes;

    public EventEmitter(EventSink sink, Dialect dialect) {
        this(sink, dialect, code -> { });
    }

    /** @param errorCodes told the code of every {@code error} event sent (error metrics) */
    public EventEmitter(EventSink sink, Dialect dialect, java.util.function.Consumer<String> errorCodes) {
        this.sink = sink;
        this.dialect = dialect;
        this.errorCodes = errorCodes;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new event of GA type {@code gaType}, with {@code type} and {@code event_id} set; fill it, then {@link #send}. */
    public ObjectNode event(String gaType) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("type", dialect.eventName(gaType));
        e.put("event_id", Ids.event());
        return e;
    }

    /** The wire name of the server event whose GA name is {@code gaType}. */
    public String type(String gaType) {
        return dialect.eventName(gaType);
    }

    /** Serialises a typed event (a record) and sends it. */
    public void send(ServerEvent event) {
        try {
            sink.sendUtf8(MAPPER.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
    }

    public void send(ObjectNode event) {
        try {
            sink.sendUtf8(MAPPER.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.get("type"), e);
        }
    }

    /**
     * Sends {@code response.output_audio.delta} (beta {@code response.audio.delta}), the most frequent server
     * event, written field by field straight to UTF-8 with the audio base64-encoded into the output: no JSON tree
     * and no intermediate base64 String. The same fields, in the same order, as the tree form of the other
     * content events.
     */
    public void sendAudioDelta(String responseId, String itemId, int outputIndex, int contentIndex, byte[] audio) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(audio.length / 3 * 4 + 256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(json)) {
            g.writeStartObject();
            g.writeStringField("type", dialect.eventName("response.output_audio.delta"));
            g.writeStringField("event_id", Ids.event());
            g.writeStringField("response_id", responseId);
            g.writeStringField("item_id", itemId);
            g.writeNumberField("output_index", outputIndex);
            g.writeNumberField("content_index", contentIndex);
            g.writeFieldName("delta");
            g.writeBinary(audio);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise an audio delta", e);
        }
        sink.sendUtf8(json.toByteArray());
    }

    /** Sends an {@code error} event; {@code clientEventId} is the offending event's {@code event_id} or null. */
    public void error(ProtocolException e, String clientEventId) {
        error(e.type(), e.code(), e.param(), e.getMessage(), clientEventId);
    }

    /**
     * An {@code error} event about the connection rather than a client event ({@code param} and
     * {@code event_id} null), as JSON, for transports that refuse or end a session before or without an emitter.
     */
    public static String connectionError(String type, String code, String message) {
        try {
            return MAPPER.writeValueAsString(new ServerEvent.Error("error", Ids.event(),
                    new ServerEvent.ErrorDetail(type, code, message, null, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an error event", e);
        }
    }

    public void error(String type, String code, String param, String message, String clientEventId) {
        send(new ServerEvent.Error(type("error"), Ids.event(),
                new ServerEvent.ErrorDetail(type, code, message, param, clientEventId)));
        errorCodes.accept(code);
    }

    public void close(int code, String reason) {
        sink.close(code, reason);
    }
}
