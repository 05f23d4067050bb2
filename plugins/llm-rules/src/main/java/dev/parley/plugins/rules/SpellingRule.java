package dev.parley.plugins.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spells a word letter by letter: "how do you spell cat" → "Cat is spelled C, A, T." */
final class SpellingRule implements ResponderRule {
    private static final Pattern SPELL = Pattern.compile(
            "(?:how (?:do you|do i|to|would you) spell|can you spell|please spell|^spell|spelling of) "
                    + "(?:the word )?\"?([a-z'-]+)");
    private static final Pattern SPELLED = Pattern.compile("how is (?:the word )?\"?([a-z'-]+)\"? spelled");

    @Override
    public Optional<Reply> reply(Conversation c) {
        String word = find(SPELL, c.normalized());
        if (word == null) {
            word = find(SPELLED, c.normalized());
        }
        if (word == null) {
            return Optional.empty();
        }
        StringBuilder letters = new StringBuilder();
        for (char ch : word.toCharArray()) {
            if (Character.isLetter(ch)) {
                letters.append(letters.isEmpty() ? "" : ", ").append(Character.toUpperCase(ch));
            }
        }
        String capitalized = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        return Optional.of(Reply.text(capitalized + " is spelled " + letters + "."));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
