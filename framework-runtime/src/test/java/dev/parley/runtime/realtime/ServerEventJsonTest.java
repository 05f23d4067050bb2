package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void rateLimitsTimingAndConnectionErrors() throws Exception {
        assertEquals("{\"type\":\"rate_limits.updated\",\"event_id\":\"event_3\",\"rate_limits\":[{\"name\":\"tokens\","
                        + "\"limit\":1000000,\"remaining\":1000000,\"reset_seconds\":0.0}]}",
                EventEmitter.MAPPER.writeValueAsString(new ServerEvent.RateLimits("rate_limits.updated", "event_3",
                        ResponseJson.rateLimits())));
        java.util.Map<String, Double> stages = new java.util.LinkedHashMap<>();
        stages.put("llm_request", 0.0);
        stages.put("first_delta_sent", 412.5);
        assertEquals("{\"type\":\"parley.response.timing\",\"event_id\":\"event_4\",\"response_id\":\"resp_1\","
                        + "\"stages_ms\":{\"llm_request\":0.0,\"first_delta_sent\":412.5},\"ttfa_ms\":null}",
                EventEmitter.MAPPER.writeValueAsString(new ServerEvent.Timing("parley.response.timing", "event_4",
                        "resp_1", stages, null)));
        String refused = EventEmitter.connectionError("server_error", null, "Say \"when\".");
        assertTrue(refused.startsWith("{\"type\":\"error\",\"event_id\":\"event_"), refused);
        assertEquals(",\"error\":{\"type\":\"server_error\",\"code\":null,\"message\":\"Say \\\"when\\\".\","
                + "\"param\":null,\"event_id\":null}}", refused.substring(refused.indexOf(",\"error\"")));
        assertEquals("Say \"when\".", EventEmitter.MAPPER.readTree(refused).path("error").path("message").asText());
    }
}
