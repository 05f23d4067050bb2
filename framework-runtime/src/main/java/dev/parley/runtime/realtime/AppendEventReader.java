package dev.parley.runtime.realtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The fast path for the one event a client sends fifty times a second: reads a well-formed
 * {@code input_audio_buffer.append} straight from the frame's UTF-8 bytes with a streaming parser and decodes its
 * base64 audio, without a JSON tree or a String copy of the frame. It accepts exactly what the general path
 * ({@link ClientEventDecoder} + {@link AudioPayload}) accepts, and nothing else: any frame that is not such an
 * append, or that the general path would answer with an error (bad JSON, wrong or missing fields, bad base64,
 * oversize audio, a repeated field), makes {@link #read} return null, and the caller hands the frame to the
 * general path, which reports it with the protocol's code. One per session (reuses a scratch buffer); not
 * thread-safe.
 */
final class AppendEventReader {
    private static final String TYPE = "input_audio_buffer.append";
    /** Frames above this go the general path (its 15 MiB check and messages); real appends are far smaller. */
    static final int MAX_FAST_FRAME_BYTES = 1 << 20;
    private static final int MAX_KEPT_SCRATCH = 64 * 1024;
    /**
     * A shared buffer pool: session tasks run on short-lived virtual threads, for which a per-thread pool would
     * allocate fresh parser buffers on every frame.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_FAST_FRAME_BYTES).build())
            .build();

    private byte[] scratch = new byte[0];
    private String eventId;

    /** The client's {@code event_id} of the last append read (or null), for errors the append itself causes. */
    String eventId() {
        return eventId;
    }

    /** The decoded audio of {@code utf8} if it is a valid append; null sends the frame to the general path. */
    byte[] read(byte[] utf8) {
        if (utf8.length > MAX_FAST_FRAME_BYTES) {
            return null;
        }
        eventId = null;
        try (JsonParser p = JSON.createParser(utf8)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean typeSeen = false;
            boolean idSeen = false;
            byte[] audio = null;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> {
                        if (typeSeen || value != JsonToken.VALUE_STRING || !TYPE.equals(p.getText())) {
                            return null;
                        }
                        typeSeen = true;
                    }
                    case "event_id" -> {
                        if (idSeen || value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        idSeen = true;
                        eventId = value == JsonToken.VALUE_NULL ? null : p.getText();
                    }
                    case "audio" -> {
                        if (audio != null || value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        audio = decodeInPlace(utf8, p);
                        if (audio == null) {
                            audio = decode(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        }
                        if (audio == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null; // unknown field: the general path names it
                    }
                }
            }
            return typeSeen ? audio : null;
        } catch (IOException | RuntimeException e) {
            return null; // malformed: the general path reports it
        }
    }

    /**
     * The common case, decoded where it lies in the frame: the string token starts at its opening quote and, as
     * base64 needs no escapes, usually runs to the next quote; the parser skips an unread string without copying
     * it. Null (the caller then reads the value through the parser) when the value holds an escape.
     */
    private static byte[] decodeInPlace(byte[] utf8, JsonParser p) {
        long at = p.currentTokenLocation().getByteOffset();
        if (at < 0 || at >= utf8.length || utf8[(int) at] != '"') {
            return null;
        }
        int from = (int) at + 1;
        int to = from;
        while (to < utf8.length && utf8[to] != '"') {
            if (utf8[to] == '\\') {
                return null;
            }
            to++;
        }
        if (to >= utf8.length || (long) (to - from) / 4 * 3 > AudioPayload.MAX_DECODED_BYTES + 2) {
            return null;
        }
        try {
            return exact(Base64.getDecoder().decode(ByteBuffer.wrap(utf8, from, to - from)));
        } catch (IllegalArgumentException e) {
            return null; // decoded again from the parser's copy, which fails the same way: general path
        }
    }

    /** Base64 as {@link AudioPayload} decodes it (the JDK's basic decoder), or null if it would refuse it. */
    private byte[] decode(char[] chars, int off, int len) {
        if ((long) len / 4 * 3 > AudioPayload.MAX_DECODED_BYTES + 2) {
            return null;
        }
        byte[] ascii = len <= scratch.length ? scratch : new byte[len];
        for (int i = 0; i < len; i++) {
            char c = chars[off + i];
            if (c > 0x7f) {
                return null;
            }
            ascii[i] = (byte) c;
        }
        if (ascii != scratch && len <= MAX_KEPT_SCRATCH) {
            scratch = ascii;
        }
        try {
            return exact(Base64.getDecoder().decode(ByteBuffer.wrap(ascii, 0, len)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] exact(ByteBuffer out) {
        return out.arrayOffset() == 0 && out.position() == 0 && out.remaining() == out.array().length ? out.array()
                : java.util.Arrays.copyOfRange(out.array(), out.arrayOffset() + out.position(),
                out.arrayOffset() + out.limit());
    }
}
