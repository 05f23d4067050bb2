package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed server events serialise with the protocol's snake_case names, in declaration order, nulls written. */
class ServerEventJsonTest {
    @Test
    void recordsBecomeTheProtocolsJson() {
        List<String> sent = new ArrayList<>();
        EventEmitter out = new EventEmitter(new EventSink() {
            @Override
            public void send(String json) {
                sent.add(json);
            }

            @Override
            public void close(int code, String reason) {
            }
        }, Dialect.BETA);
        out.send(new ServerEvent.Committed(out.type("input_audio_buffer.committed"), "event_1", null, "item_2"));
        out.send(new ServerEvent.ContentDelta(out.type("response.output_text.delta"), "event_2", "resp_1", "item_2",
                0, 0, "Hi"));
        out.error("invalid_request_error", "invalid_value", "item_id", "No.", "evt_9");
        assertEquals(List.of(
                "{\"type\":\"input_audio_buffer.committed\",\"event_id\":\"event_1\",\"previous_item_id\":null,"
                        + "\"item_id\":\"item_2\"}",
                "{\"type\":\"response.text.delta\",\"event_id\":\"event_2\",\"response_id\":\"resp_1\","
                        + "\"item_id\":\"item_2\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}"),
                sent.subList(0, 2));
        assertEquals("{\"type\":\"invalid_request_error\",\"code\":\"invalid_value\",\"message\":\"No.\","
                + "\"param\":\"item_id\",\"event_id\":\"evt_9\"}",
                sent.get(2).substring(sent.get(2).indexOf("\"error\":") + 8, sent.get(2).length() - 1));
    }
}
