package dev.parley.plugins.rules;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.ToolChoice;
import dev.parley.api.llm.ToolSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parts of a request the rules look at: the user's latest words (as said, and normalised for matching), tool
 * results that arrived after them, and the declared tools.
 *
 * @param userText    the last user message, trimmed ("" when there is none)
 * @param normalized  {@code userText} lower-cased, curly quotes straightened, {@code what's} expanded, one space
 *                    between words, no trailing punctuation
 * @param toolResults tool results given after the last user message, oldest first
 * @param tools       the functions the session declared
 * @param toolChoice  whether tools may, must or must not be called
 */
record Conversation(String userText, String normalized, List<ChatMessage.ToolResult> toolResults,
                    List<ToolSpec> tools, ToolChoice toolChoice) {

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9'+*/×÷=.-]+");

    static Conversation of(LlmRequest request) {
        String user = "";
        List<ChatMessage.ToolResult> results = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof ChatMessage.User u) {
                user = u.text() == null ? "" : u.text().trim();
                results.clear();
            } else if (m instanceof ChatMessage.ToolResult r) {
                results.add(r);
            }
        }
        return new Conversation(user, normalize(user), results, request.tools(), request.toolChoice());
    }

    static String normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'')
                .replaceAll("\\bwhat's\\b", "what is")
                .replaceAll("\\bwhats\\b", "what is")
                .replaceAll("\\bit's\\b", "it is")
                .replaceAll("\\s+", " ")
                .trim();
        return s.replaceAll("[\\s?!.,;:]+$", "");
    }

    /** The words of the normalised text (letters, digits, apostrophes and arithmetic signs). */
    Set<String> words() {
        return Arrays.stream(NON_WORD.split(normalized)).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    boolean hasWord(String... candidates) {
        Set<String> words = words();
        for (String c : candidates) {
            if (words.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the normalised text contains one of the phrases on word boundaries. */
    boolean hasPhrase(String... phrases) {
        String padded = " " + normalized.replaceAll("[?!.,;:]", " ").replaceAll("\\s+", " ") + " ";
        for (String p : phrases) {
            if (padded.contains(" " + p + " ")) {
                return true;
            }
        }
        return false;
    }
}
