package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids one session's server events announced, each under a key that names the same thing in another run of
 * the session: the n-th item of its class (type, role and first content type: the n-th spoken user message, the
 * n-th assistant message, the n-th function call…), the n-th response, and a function call's {@code call_id}
 * under its item's key. A recording and its replay announce different ids; equal keys are the same thing.
 * Items first named by {@code speech_started} (before the item exists) get their key when the item is added.
 */
final class SessionIds {
    private final Map<String, String> keyOf = new HashMap<>();
    private final Map<String, String> idOf = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /** Takes the ids a server event announces. */
    void add(JsonNode e) {
        switch (e.path("type").asText()) {
            case "conversation.item.added", "conversation.item.created", "response.output_item.added" ->
                    item(e.path("item"));
            case "response.created" -> {
                String id = e.at("/response/id").asText(null);
                if (id != null && !keyOf.containsKey(id)) {
                    put(id, "response#" + next("response"));
                }
            }
            default -> { }
        }
    }

    private void item(JsonNode item) {
        String id = item.path("id").asText(null);
        if (id == null || keyOf.containsKey(id)) {
            return;
        }
        String cls = item.path("type").asText() + "/" + item.path("role").asText("-") + "/"
                + item.at("/content/0/type").asText("-");
        String key = cls + "#" + next(cls);
        put(id, key);
        String call = item.path("call_id").asText(null);
        if (call != null && !keyOf.containsKey(call)) {
            // the call's output carries the same call id: it maps through the call, not through its own item
            put(call, "call:" + (item.path("type").asText().equals("function_call") ? key : "output:" + key));
        }
    }

    private int next(String cls) {
        return counts.merge(cls, 1, Integer::sum);
    }

    private void put(String id, String key) {
        keyOf.put(id, key);
        idOf.putIfAbsent(key, id);
    }

    /** The key of an id this session announced, or null. */
    String keyOf(String id) {
        return keyOf.get(id);
    }

    /** The id this session announced under {@code key}, or null (not yet, or never). */
    String idOf(String key) {
        return idOf.get(key);
    }
}
