package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The append fast path accepts exactly the appends the general path accepts, with the same audio, and hands
 * every other frame (each of which the general path answers with an error or handles as another event) back.
 */
class AppendEventReaderTest {
    private final AppendEventReader reader = new AppendEventReader();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What the general path decodes from the same frame (throws its ProtocolException on a bad one). */
    private static byte[] general(String json) {
        ClientEventDecoder d = new ClientEventDecoder(Dialect.GA);
        ClientEvent e = d.validate(d.parse(json));
        return assertInstanceOf(ClientEvent.AudioAppend.class, e).audio();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAwQF\"}",
            "{\"audio\":\"AAECAwQF\",\"type\":\"input_audio_buffer.append\"}",
            "{\"type\":\"input_audio_buffer.append\",\"event_id\":\"e7\",\"audio\":\"AAECAwQF\"}",
            "{\"type\":\"input_audio_buffer.append\",\"event_id\":null,\"audio\":\"AAECAwQF\"}",
            " { \"type\" : \"input_audio_buffer.append\" , \"audio\" : \"AAECAwQF\" } ",
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAw\"}", // unpadded: the JDK decoder takes it
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"\\u0041AECAwQF\"}", // a JSON escape in the value
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"\"}"})
    void acceptsWhatTheGeneralPathAcceptsWithTheSameAudio(String json) {
        assertArrayEquals(general(json), reader.read(utf8(json)), json);
    }

    @Test
    void realSizedAppendAndItsEventId() {
        byte[] pcm = new byte[960]; // 20 ms at 24 kHz
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (byte) (i * 7);
        }
        String json = "{\"type\":\"input_audio_buffer.append\",\"event_id\":\"evt_1\",\"audio\":\""
                + Base64.getEncoder().encodeToString(pcm) + "\"}";
        assertArrayEquals(pcm, reader.read(utf8(json)));
        assertEquals("evt_1", reader.eventId());
        assertArrayEquals(pcm, reader.read(utf8(json.replace("\"event_id\":\"evt_1\",", ""))));
        assertNull(reader.eventId(), "an append without event_id does not inherit the previous one");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[1,2]",
            "\"input_audio_buffer.append\"",
            "{\"type\":\"input_audio_buffer.append\"}", // missing audio
            "{\"type\":\"input_audio_buffer.append\",\"audio\":null}",
            "{\"type\":\"input_audio_buffer.append\",\"audio\":5}", // wrong type
            "{\"type\":\"input_audio_buffer.append\",\"audio\":[\"AAAA\"]}",
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"!!!not base64!!!\"}",
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAEC AwQF\"}", // whitespace: the JDK refuses it
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAwQF\",\"extra\":1}", // unknown parameter
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAwQF\",\"event_id\":7}",
            "{\"audio\":\"AAECAwQF\"}", // missing type
            "{\"type\":null,\"audio\":\"AAECAwQF\"}",
            "{\"type\":\"input_audio_buffer.commit\",\"audio\":\"AAECAwQF\"}", // another event
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAwQF\"", // truncated
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAwQF\",\"audio\":\"AAAA\"}", // repeated
            "{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAECAwQ\u00e9\"}"}) // non-ASCII
    void handsEverythingElseToTheGeneralPath(String json) {
        assertNull(reader.read(utf8(json)), json);
    }

    @Test
    void theGeneralPathReportsWhatTheFastPathRefused() {
        ProtocolException bad = assertThrows(ProtocolException.class,
                () -> general("{\"type\":\"input_audio_buffer.append\",\"audio\":\"AAEC AwQF\"}"));
        assertEquals("invalid_value", bad.code());
        assertEquals("audio", bad.param());
        ProtocolException missing = assertThrows(ProtocolException.class,
                () -> general("{\"type\":\"input_audio_buffer.append\"}"));
        assertEquals("missing_required_parameter", missing.code());
        ProtocolException type = assertThrows(ProtocolException.class,
                () -> general("{\"type\":\"input_audio_buffer.append\",\"audio\":5}"));
        assertEquals("invalid_type", type.code());
    }

    @Test
    void oversizeFramesGoTheGeneralPathForItsSizeError() {
        String json = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                + "A".repeat(AppendEventReader.MAX_FAST_FRAME_BYTES) + "\"}";
        assertNull(reader.read(utf8(json)));
        ObjectNode ignored = new ClientEventDecoder(Dialect.GA).parse(json); // still valid JSON for the general path
        assertEquals("input_audio_buffer.append", ignored.path("type").asText());
    }
}
