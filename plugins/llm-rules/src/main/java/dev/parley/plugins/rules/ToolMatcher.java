package dev.parley.plugins.rules;

import dev.parley.api.llm.ToolSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which declared tool, if any, the user's words ask for. An explicit "call get weather" wins; otherwise a
 * tool whose name has a topic word the user said ("get_weather" ← "what's the weather"), or whose description
 * shares two topic words with the utterance. Words match on their first five letters, so "weathers" finds
 * "weather".
 */
final class ToolMatcher {
    private static final Pattern EXPLICIT = Pattern.compile(
            "\\b(?:call|run|use|invoke|execute|trigger) (?:the )?(?:tool |function )?([a-z0-9_ .-]+)");
    /** Verbs and fillers common in function names that say nothing about the topic. */
    private static final Set<String> GENERIC = Set.of("get", "set", "fetch", "lookup", "look", "find", "do", "make",
            "call", "run", "tool", "function", "query", "check", "current", "info", "data", "by", "for", "the",
            "a", "an", "to", "of", "and", "or", "create", "update", "list", "search", "with", "from", "this", "that",
            "returns", "return", "given", "into", "about", "some", "will", "your", "user", "what", "which");

    private ToolMatcher() {
    }

    static Optional<ToolSpec> match(String normalized, List<ToolSpec> tools) {
        Optional<ToolSpec> named = explicit(normalized, tools);
        if (named.isPresent()) {
            return named;
        }
        Set<String> said = stems(normalized);
        ToolSpec best = null;
        int bestScore = 0;
        for (ToolSpec tool : tools) {
            int nameHits = overlap(stems(splitName(tool.name())), said);
            int descriptionHits = overlap(stems(tool.description() == null ? "" : tool.description()), said);
            int score = nameHits > 0 ? 2 * nameHits + descriptionHits : descriptionHits >= 2 ? descriptionHits : 0;
            if (score > bestScore) {
                best = tool;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<ToolSpec> explicit(String normalized, List<ToolSpec> tools) {
        Matcher m = EXPLICIT.matcher(normalized);
        ToolSpec best = null;
        while (m.find()) {
            String squashed = squash(m.group(1));
            for (ToolSpec tool : tools) {
                String name = squash(tool.name());
                if (!name.isEmpty() && squashed.startsWith(name)
                        && (best == null || name.length() > squash(best.name()).length())) {
                    best = tool;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** "getWeather", "get_weather", "get-weather" → "get weather". */
    static String splitName(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_.\\-]+", " ").toLowerCase(Locale.ROOT);
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Set<String> stems(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> w.length() >= 3 && !GENERIC.contains(w))
                .map(w -> w.length() > 5 ? w.substring(0, 5) : w)
                .collect(Collectors.toSet());
    }

    private static int overlap(Set<String> a, Set<String> b) {
        int n = 0;
        for (String w : a) {
            if (b.contains(w)) {
                n++;
            }
        }
        return n;
    }
}
