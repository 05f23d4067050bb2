package dev.parley.plugins.langchain4j;

/** Test scope: OpenAI chat-completion chunk JSON, as servers stream it. */
public final class OpenAiChunks {
    private OpenAiChunks() {
    }

    public static String content(String text) {
        return choice("{\"content\":" + quote(text) + "}", null);
    }

    public static String finish(String reason) {
        return choice("{}", reason);
    }

    public static String usage(int prompt, int completion) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test-model\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    /** The first delta of a tool call: id and name, empty arguments. */
    public static String toolCallStart(int index, String id, String name) {
        return choice("{\"tool_calls\":[{\"index\":" + index + ",\"id\":\"" + id + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"" + name + "\",\"arguments\":\"\"}}]}", null);
    }

    public static String toolCallArguments(int index, String fragment) {
        return choice("{\"tool_calls\":[{\"index\":" + index + ",\"function\":{\"arguments\":" + quote(fragment)
                + "}}]}", null);
    }

    private static String choice(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
