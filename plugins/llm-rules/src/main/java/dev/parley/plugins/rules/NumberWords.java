package dev.parley.plugins.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns spelled-out numbers into digits ("twelve times seven" → "12 times 7", "one hundred and five" → "105"),
 * because speech recognisers write numbers as words. Handles integers below a billion; other words pass through.
 */
final class NumberWords {
    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1_000,
            "million", 1_000_000);

    private NumberWords() {
    }

    /** Rewrites {@code text} (already lower-case) with every number phrase replaced by its digits. */
    static String toDigits(String text) {
        String[] tokens = text.replaceAll("(?<=\\d),(?=\\d{3})", "")
                .replaceAll("(?<=[a-z])-(?=[a-z])", " ").split(" ");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            boolean starts = isNumberWord(tokens[i]) || tokens[i].equals("a") && joinsNumber(tokens, i);
            if (!starts) {
                out.add(tokens[i++]);
                continue;
            }
            long total = 0;
            long current = 0;
            while (i < tokens.length && (isNumberWord(tokens[i]) || joinsNumber(tokens, i))) {
                String t = tokens[i++];
                if (t.equals("and") || t.equals("a")) {
                    current = t.equals("a") ? 1 : current;
                    continue;
                }
                Integer small = SMALL.get(t);
                if (small != null) {
                    current += small;
                } else if (t.equals("hundred")) {
                    current = Math.max(current, 1) * 100;
                } else {
                    total += Math.max(current, 1) * SCALES.get(t);
                    current = 0;
                }
            }
            out.add(Long.toString(total + current));
        }
        return String.join(" ", out);
    }

    private static boolean isNumberWord(String t) {
        return SMALL.containsKey(t) || SCALES.containsKey(t);
    }

    /** "and" inside "one hundred and five", "a" in "a hundred": part of the number only between number words. */
    private static boolean joinsNumber(String[] tokens, int i) {
        if (i + 1 >= tokens.length || !isNumberWord(tokens[i + 1])) {
            return false;
        }
        return tokens[i].equals("and") && i > 0 && SCALES.containsKey(tokens[i - 1])
                || tokens[i].equals("a") && SCALES.containsKey(tokens[i + 1]);
    }
}
