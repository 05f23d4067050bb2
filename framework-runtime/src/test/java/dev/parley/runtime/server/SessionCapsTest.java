package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.SessionCaps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: instructions, tools and items over their caps are refused with OpenAI's codes and change nothing, the
 * session going on; a session older than its maximum duration gets {@code session_expired} and a close.
 */
class SessionCapsTest {
    private static final ObjectNode NODE = RealtimeTestClient.JSON.createObjectNode();

    private static String sessionUpdate(ObjectNode fields) {
        ObjectNode e = NODE.objectNode().put("type", "session.update");
        e.set("session", fields.put("type", "realtime"));
        return e.toString();
    }

    private static JsonNode refused(RealtimeTestClient c, String json, String code, String param) throws Exception {
        long start = System.nanoTime();
        c.send(json);
        JsonNode err = c.expect("error").path("error");
        System.out.printf("cap %s: %s after %d ms (%d KiB sent)%n", param, code,
                (System.nanoTime() - start) / 1_000_000, json.length() / 1024);
        assertEquals("invalid_request_error", err.path("type").asText());
        assertEquals(code, err.path("code").asText(), err.toString());
        assertEquals(param, err.path("param").asText(), err.toString());
        return err;
    }

    private static void stillServes(RealtimeTestClient c, String instructions) throws Exception {
        c.send(sessionUpdate(NODE.objectNode()));
        JsonNode s = c.expect("session.updated").path("session");
        assertEquals(instructions, s.path("instructions").asText(), "a refused update changed nothing");
    }

    @Test
    void instructionsOverTheCapAreRefusedAndTheSessionGoesOn() throws Exception {
        try (TestServer server = new TestServer();
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            c.send(sessionUpdate(NODE.objectNode().put("instructions", "Be kind.")));
            c.expect("session.updated");
            String big = "x".repeat(SessionCaps.DEFAULT_MAX_INSTRUCTIONS_CHARS + 1);
            JsonNode err = refused(c, sessionUpdate(NODE.objectNode().put("instructions", big)),
                    "string_above_max_length", "session.instructions");
            assertEquals("Invalid 'session.instructions': string too long. Expected a string with maximum length "
                    + SessionCaps.DEFAULT_MAX_INSTRUCTIONS_CHARS + ", but got a string with length "
                    + big.length() + " instead.", err.path("message").asText());
            String tenMiB = "y".repeat(10 * 1024 * 1024);
            refused(c, sessionUpdate(NODE.objectNode().put("instructions", tenMiB)), "string_above_max_length",
                    "session.instructions");
            ObjectNode create = NODE.objectNode().put("type", "response.create");
            create.putObject("response").put("instructions", big);
            refused(c, create.toString(), "string_above_max_length", "response.instructions");
            stillServes(c, "Be kind.");
            String exact = "z".repeat(SessionCaps.DEFAULT_MAX_INSTRUCTIONS_CHARS);
            c.send(sessionUpdate(NODE.objectNode().put("instructions", exact)));
            assertEquals(exact, c.expect("session.updated").path("session").path("instructions").asText(),
                    "instructions at the cap are accepted");
        }
    }

    @Test
    void tooManyToolsAndAToolTooLargeAreRefused() throws Exception {
        try (TestServer server = new TestServer();
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            ObjectNode s = NODE.objectNode();
            ArrayNode tools = s.putArray("tools");
            for (int i = 0; i <= SessionCaps.DEFAULT_MAX_TOOLS; i++) {
                tools.add(tool("tool_" + i, "Does thing " + i));
            }
            JsonNode err = refused(c, sessionUpdate(s), "array_above_max_length", "session.tools");
            assertTrue(err.path("message").asText().contains("maximum length " + SessionCaps.DEFAULT_MAX_TOOLS
                    + ", but got an array with length " + (SessionCaps.DEFAULT_MAX_TOOLS + 1)), err.toString());
            ObjectNode one = NODE.objectNode();
            one.putArray("tools").add(tool("ok", "fine")).add(tool("huge",
                    "d".repeat(SessionCaps.DEFAULT_MAX_TOOL_BYTES)));
            refused(c, sessionUpdate(one), "invalid_value", "session.tools[1]");
            c.send(sessionUpdate(NODE.objectNode()));
            assertEquals(0, c.expect("session.updated").path("session").path("tools").size(),
                    "refused tools were not applied");
            ObjectNode fine = NODE.objectNode();
            fine.putArray("tools").add(tool("ok", "fine"));
            c.send(sessionUpdate(fine));
            assertEquals(1, c.expect("session.updated").path("session").path("tools").size());
        }
    }

    @Test
    void itemTextOverTheCapIsRefusedInCreateAndInResponseInput() throws Exception {
        try (TestServer server = new TestServer();
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            String big = "w".repeat(SessionCaps.DEFAULT_MAX_ITEM_CHARS + 1);
            ObjectNode create = NODE.objectNode().put("type", "conversation.item.create");
            ObjectNode item = create.putObject("item").put("type", "message").put("role", "user");
            item.putArray("content").addObject().put("type", "input_text").put("text", big);
            refused(c, create.toString(), "string_above_max_length", "item.content[0].text");
            ObjectNode output = NODE.objectNode().put("type", "conversation.item.create");
            output.putObject("item").put("type", "function_call_output").put("call_id", "c1").put("output", big);
            refused(c, output.toString(), "string_above_max_length", "item.output");
            ObjectNode response = NODE.objectNode().put("type", "response.create");
            ObjectNode in = response.putObject("response").putArray("input").addObject()
                    .put("type", "message").put("role", "user");
            in.putArray("content").addObject().put("type", "input_text").put("text", big);
            refused(c, response.toString(), "string_above_max_length", "response.input[0].content[0].text");
            ObjectNode small = NODE.objectNode().put("type", "conversation.item.create");
            small.putObject("item").put("type", "message").put("role", "user").putArray("content").addObject()
                    .put("type", "input_text").put("text", "hello");
            c.send(small.toString());
            c.expect("conversation.item.added");
        }
    }

    @Test
    void aSessionPastItsMaximumDurationGetsSessionExpiredThenClose() throws Exception {
        ServerOptions o = TestServer.options(List.of())
                .withSessionCaps(SessionCaps.defaults().withMaxDuration(Duration.ofMillis(800)));
        try (TestServer server = new TestServer(o);
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            long start = System.nanoTime();
            JsonNode created = c.expect("session.created").path("session");
            long expiresAt = created.path("expires_at").asLong();
            long now = System.currentTimeMillis() / 1000;
            assertTrue(expiresAt >= now - 1 && expiresAt <= now + 2, "expires_at says when: " + expiresAt);
            c.send(sessionUpdate(NODE.objectNode()));
            c.expect("session.updated");
            JsonNode err = c.expect("error").path("error");
            long errorMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("session_expired", err.path("code").asText(), err.toString());
            assertEquals("invalid_request_error", err.path("type").asText());
            assertEquals("Your session hit the maximum duration of 800 ms.", err.path("message").asText());
            RealtimeTestClient.Close close = c.awaitClose();
            long closeMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1000, close.code());
            assertEquals("invalid_request_error.session_expired", close.reason());
            assertTrue(errorMs >= 700 && errorMs < 3000, "expired on time: " + errorMs + " ms");
            System.out.printf("max duration 800 ms: session_expired at %d ms, close 1000 at %d ms%n", errorMs,
                    closeMs);
            for (int i = 0; i < 100 && server.server.liveSessions() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, server.server.liveSessions(), "the expired session is gone");
        }
    }

    private static String createItem(String id) {
        ObjectNode e = NODE.objectNode().put("type", "conversation.item.create");
        e.putObject("item").put("id", id).put("type", "message").put("role", "user").putArray("content")
                .addObject().put("type", "input_text").put("text", "said " + id);
        return e.toString();
    }

    private static List<String> deletedIn(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("type").asText().equals("conversation.item.deleted"))
                .map(e -> e.path("item_id").asText()).toList();
    }

    @Test
    void beyondMaxItemsTheClientSeesTheEldestItemDeletedAndTheSessionGoesOn() throws Exception {
        ServerOptions o = TestServer.options(List.of()).withSessionCaps(SessionCaps.defaults().withMaxItems(3));
        try (TestServer server = new TestServer(o);
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            for (String id : List.of("item_a", "item_b", "item_c")) {
                c.send(createItem(id));
                assertEquals(List.of(), deletedIn(c.eventsThrough("conversation.item.added")), "under the cap");
            }
            c.send(createItem("item_d"));
            List<JsonNode> events = c.eventsThrough("conversation.item.added");
            assertEquals(List.of("item_a"), deletedIn(events), "the eldest goes: " + events);
            JsonNode added = events.get(events.size() - 1);
            assertEquals("item_d", added.path("item").path("id").asText());
            assertEquals("item_c", added.path("previous_item_id").asText(), "the item it follows stays");

            c.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_a\"}");
            JsonNode err = c.await("error").path("error");
            assertEquals("invalid_value", err.path("code").asText(), err.toString());
            assertEquals("item_id", err.path("param").asText());
            c.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"item_b\"}");
            assertEquals("said item_b", c.await("conversation.item.retrieved").path("item").path("content")
                    .path(0).path("text").asText(), "the session goes on with the newer items");
        }
    }

    private static ObjectNode tool(String name, String description) {
        ObjectNode t = NODE.objectNode().put("type", "function").put("name", name).put("description", description);
        t.putObject("parameters").put("type", "object").putObject("properties");
        return t;
    }
}
