package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The streamed audio delta is the same event, field for field, as the tree form of a content event. */
class AudioDeltaJsonTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void streamedDeltaMatchesTheTreeForm(Dialect dialect) throws Exception {
        List<String> sent = new ArrayList<>();
        EventEmitter out = new EventEmitter(new EventSink() {
            @Override
            public void send(String json) {
                sent.add(json);
            }

            @Override
            public void close(int code, String reason) {
            }
        }, dialect);
        for (int len : new int[] {0, 1, 2, 3, 2880, 2881}) { // every base64 padding case, and a 60 ms delta
            byte[] audio = new byte[len];
            new Random(len).nextBytes(audio);
            out.sendAudioDelta("resp_1", "item_2", 3, 0, audio);
            JsonNode got = EventEmitter.MAPPER.readTree(sent.remove(0));

            ObjectNode want = out.event("response.output_audio.delta");
            want.put("response_id", "resp_1").put("item_id", "item_2").put("output_index", 3).put("content_index", 0)
                    .put("delta", Base64.getEncoder().encodeToString(audio));
            assertTrue(got.path("event_id").asText().startsWith("event_"));
            want.put("event_id", got.path("event_id").asText());
            assertEquals(want, got);
            List<String> order = new ArrayList<>();
            got.fieldNames().forEachRemaining(order::add);
            List<String> wantOrder = new ArrayList<>();
            want.fieldNames().forEachRemaining(wantOrder::add);
            assertEquals(wantOrder, order, "field order");
        }
        assertEquals(dialect == Dialect.BETA ? "response.audio.delta" : "response.output_audio.delta",
                dialect.eventName("response.output_audio.delta"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void deltaBytesAreValidUtf8Json(Dialect dialect) {
        byte[][] got = new byte[1][];
        EventEmitter out = new EventEmitter(new EventSink() {
            @Override
            public void send(String json) {
                got[0] = json.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void sendUtf8(byte[] json) {
                got[0] = json;
            }

            @Override
            public void close(int code, String reason) {
            }
        }, dialect);
        out.sendAudioDelta("r", "i", 0, 0, new byte[] {1, 2, 3, 4});
        String json = new String(got[0], StandardCharsets.UTF_8);
        assertTrue(json.endsWith("\"delta\":\"AQIDBA==\"}"), json);
    }
}
