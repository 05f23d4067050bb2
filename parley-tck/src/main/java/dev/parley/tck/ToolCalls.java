package dev.parley.tck;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.llm.ToolSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The tool calls of one generation, gathered from {@code onToolCallDelta} and {@code onToolCall}, and the rules of
 * {@link dev.parley.api.llm.LlmListener} they must keep.
 */
final class ToolCalls {
    private static final JsonFactory JSON = new JsonFactory();

    private static final class Call {
        String deltaCallId;
        String deltaName;
        final StringBuilder arguments = new StringBuilder();
        boolean hadDeltas;
        final List<ToolCall> completions = new ArrayList<>();
    }

    private final Map<Integer, Call> calls = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    synchronized void delta(int index, String callId, String name, String argumentsDelta) {
        Call c = calls.computeIfAbsent(index, i -> new Call());
        if (!c.completions.isEmpty()) {
            problems.add("delta for call " + index + " after it was completed");
        }
        if (!c.hadDeltas) {
            c.deltaCallId = callId;
            c.deltaName = name;
        } else if ((callId != null && !callId.equals(c.deltaCallId)) || (name != null && !name.equals(c.deltaName))) {
            problems.add("call " + index + " changed id or name between deltas: " + c.deltaCallId + "/"
                    + c.deltaName + " then " + callId + "/" + name);
        }
        c.hadDeltas = true;
        if (argumentsDelta != null) {
            c.arguments.append(argumentsDelta);
        }
    }

    synchronized void call(int index, ToolCall call) {
        calls.computeIfAbsent(index, i -> new Call()).completions.add(call);
    }

    synchronized int completed() {
        return (int) calls.values().stream().filter(c -> !c.completions.isEmpty()).count();
    }

    /** Everything wrong with the calls, against the tools the request declared. */
    synchronized List<String> check(List<ToolSpec> declared) {
        List<String> out = new ArrayList<>(problems);
        List<String> names = declared.stream().map(ToolSpec::name).toList();
        for (Map.Entry<Integer, Call> e : calls.entrySet()) {
            int index = e.getKey();
            Call c = e.getValue();
            if (index < 0) {
                out.add("negative call index " + index);
            }
            if (c.completions.size() != 1) {
                out.add("call " + index + " completed " + c.completions.size() + " times (onToolCall must come once"
                        + " per call, deltas or not)");
                continue;
            }
            ToolCall t = c.completions.get(0);
            if (t == null) {
                out.add("call " + index + " is null");
                continue;
            }
            if (t.callId() == null || t.callId().isBlank()) {
                out.add("call " + index + " has no call id");
            }
            if (!names.contains(t.name())) {
                out.add("call " + index + " names '" + t.name() + "', not one of the declared tools " + names);
            }
            if (!isJsonObject(t.argumentsJson())) {
                out.add("call " + index + " arguments are not a JSON object: " + t.argumentsJson());
            }
            if (c.hadDeltas) {
                if (!Objects.equals(c.deltaCallId, t.callId()) || !Objects.equals(c.deltaName, t.name())) {
                    out.add("call " + index + " deltas said " + c.deltaCallId + "/" + c.deltaName + ", the call "
                            + t.callId() + "/" + t.name());
                }
                if (!c.arguments.isEmpty() && !c.arguments.toString().equals(t.argumentsJson())) {
                    out.add("call " + index + " argument deltas add up to '" + c.arguments + "', the call says '"
                            + t.argumentsJson() + "'");
                }
            }
        }
        return out;
    }

    static boolean isJsonObject(String s) {
        if (s == null) {
            return false;
        }
        try (JsonParser p = JSON.createParser(s)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
