package dev.parley.runtime.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.api.llm.TokenUsage;
import dev.parley.runtime.conversation.ContentPart;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.ResponseOptions;
import dev.parley.runtime.engine.WireFormat;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire JSON of every item type, content part, the response object and its usage as {@link ItemWriter} and
 * {@link ResponseJson} render them (catalog §7, §8.2): names, values, nulls written, audio only on retrieve.
 */
class ItemWireJsonTest {
    private static String json(Object o) throws JsonProcessingException {
        return EventEmitter.MAPPER.writeValueAsString(o);
    }

    private static ConversationItem message(String role, ContentPart... parts) {
        ConversationItem item = ConversationItem.message("item_1", role);
        item.content.addAll(java.util.List.of(parts));
        return item;
    }

    @Test
    void userTextMessage() throws Exception {
        assertEquals("{\"id\":\"item_1\",\"object\":\"realtime.item\",\"type\":\"message\",\"status\":\"completed\","
                        + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hello\"}]}",
                json(ItemWriter.write(message("user", ContentPart.text("input_text", "Hello")), Dialect.GA, false)));
    }

    @Test
    void userAudioCarriesItsBytesOnlyWhenRetrieved() throws Exception {
        ContentPart audio = new ContentPart("input_audio");
        audio.audio = "ab".getBytes(StandardCharsets.US_ASCII);
        ConversationItem item = message("user", audio);
        String head = "{\"id\":\"item_1\",\"object\":\"realtime.item\",\"type\":\"message\",\"status\":\"completed\","
                + "\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",";
        assertEquals(head + "\"transcript\":null}]}", json(ItemWriter.write(item, Dialect.GA, false)));
        audio.transcript = "hi";
        assertEquals(head + "\"audio\":\"YWI=\",\"transcript\":\"hi\"}]}", json(ItemWriter.write(item, Dialect.GA, true)));
    }

    @Test
    void userImage() throws Exception {
        ContentPart image = new ContentPart("input_image");
        image.imageUrl = "data:image/png;base64,AA==";
        image.detail = "auto";
        assertEquals("[{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,AA==\",\"detail\":\"auto\"}]",
                json(EventEmitter.MAPPER.valueToTree(ItemWriter.write(message("user", image), Dialect.GA, false))
                        .get("content")));
    }

    @Test
    void assistantPartsAreNamedPerDialect() throws Exception {
        ContentPart text = ContentPart.text("text", null);
        ContentPart audio = new ContentPart("audio");
        audio.audio = new byte[] {1};
        ConversationItem item = message("assistant", text, audio);
        item.status = "incomplete";
        String head = "{\"id\":\"item_1\",\"object\":\"realtime.item\",\"type\":\"message\",\"status\":\"incomplete\","
                + "\"role\":\"assistant\",\"content\":[";
        assertEquals(head + "{\"type\":\"output_text\",\"text\":\"\"},{\"type\":\"output_audio\",\"transcript\":\"\"}]}",
                json(ItemWriter.write(item, Dialect.GA, false)));
        assertEquals(head + "{\"type\":\"text\",\"text\":\"\"},{\"type\":\"audio\",\"audio\":\"AQ==\",\"transcript\":\"\"}]}",
                json(ItemWriter.write(item, Dialect.BETA, true)));
    }

    @Test
    void functionCallAndItsOutput() throws Exception {
        ConversationItem call = new ConversationItem("item_2", ConversationItem.Kind.FUNCTION_CALL);
        call.name = "get_weather";
        call.callId = "call_1";
        call.arguments = "{\"city\":\"Paris\"}";
        assertEquals("{\"id\":\"item_2\",\"object\":\"realtime.item\",\"type\":\"function_call\",\"status\":\"completed\","
                + "\"name\":\"get_weather\",\"call_id\":\"call_1\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}",
                json(ItemWriter.write(call, Dialect.GA, false)));
        ConversationItem output = new ConversationItem("item_3", ConversationItem.Kind.FUNCTION_CALL_OUTPUT);
        output.callId = "call_1";
        output.output = "sunny";
        assertEquals("{\"id\":\"item_3\",\"object\":\"realtime.item\",\"type\":\"function_call_output\","
                + "\"call_id\":\"call_1\",\"output\":\"sunny\"}", json(ItemWriter.write(output, Dialect.BETA, false)));
    }

    @Test
    void usageCountsEveryOutputTokenAsText() throws Exception {
        assertEquals("{\"total_tokens\":30,\"input_tokens\":10,\"output_tokens\":20,\"input_token_details\":"
                + "{\"text_tokens\":10,\"audio_tokens\":0,\"image_tokens\":0,\"cached_tokens\":0,"
                + "\"cached_tokens_details\":{\"text_tokens\":0,\"audio_tokens\":0,\"image_tokens\":0}},"
                + "\"output_token_details\":{\"text_tokens\":20,\"audio_tokens\":0}}",
                json(ResponseJson.usage(new TokenUsage(10, 20))));
    }

    private static ConversationEvent.ResponseRef response(boolean audio, Integer maxTokens, Map<String, String> meta,
                                                          List<ConversationItem> output) {
        ResponseOptions o = new ResponseOptions(audio, "", "alloy", 1.0, WireFormat.PCM16_24K, List.of(), null,
                maxTokens, null, meta, false, null, null);
        return new ConversationEvent.ResponseRef("resp_1", "conv_1", o, output, null);
    }

    @Test
    void gaResponseObject() throws Exception {
        ConversationItem output = new ConversationItem("item_3", ConversationItem.Kind.FUNCTION_CALL_OUTPUT);
        output.callId = "call_1";
        output.output = "ok";
        assertEquals("{\"object\":\"realtime.response\",\"id\":\"resp_1\",\"status\":\"cancelled\","
                        + "\"status_details\":{\"type\":\"cancelled\",\"reason\":\"turn_detected\"},\"output\":[{\"id\":"
                        + "\"item_3\",\"object\":\"realtime.item\",\"type\":\"function_call_output\",\"call_id\":\"call_1\","
                        + "\"output\":\"ok\"}],\"conversation_id\":\"conv_1\",\"output_modalities\":[\"audio\"],\"audio\":"
                        + "{\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"voice\":\"alloy\"}},"
                        + "\"max_output_tokens\":\"inf\",\"usage\":null,\"metadata\":{\"k\":\"v\"}}",
                json(ResponseJson.response(response(true, null, Map.of("k", "v"), List.of(output)), "cancelled",
                        ResponseJson.cancelled("turn_detected"), null, Dialect.GA)));
    }

    @Test
    void betaResponseObject() throws Exception {
        assertEquals("{\"object\":\"realtime.response\",\"id\":\"resp_1\",\"status\":\"failed\","
                        + "\"status_details\":{\"type\":\"failed\",\"error\":{\"type\":\"server_error\",\"code\":"
                        + "\"llm_error\",\"message\":\"x\"}},\"output\":[],\"conversation_id\":\"conv_1\",\"modalities\":"
                        + "[\"text\"],\"voice\":\"alloy\",\"output_audio_format\":\"pcm16\",\"temperature\":0.8,"
                        + "\"max_output_tokens\":100,\"usage\":{\"total_tokens\":3,\"input_tokens\":1,\"output_tokens\":2,"
                        + "\"input_token_details\":{\"text_tokens\":1,\"audio_tokens\":0,\"image_tokens\":0,"
                        + "\"cached_tokens\":0,\"cached_tokens_details\":{\"text_tokens\":0,\"audio_tokens\":0,"
                        + "\"image_tokens\":0}},\"output_token_details\":{\"text_tokens\":2,\"audio_tokens\":0}},"
                        + "\"metadata\":null}",
                json(ResponseJson.response(response(false, 100, null, List.of()), "failed",
                        ResponseJson.failed("server_error", "llm_error", "x"), new TokenUsage(1, 2), Dialect.BETA)));
    }
}
