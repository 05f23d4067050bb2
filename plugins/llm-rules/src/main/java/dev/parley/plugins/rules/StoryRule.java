package dev.parley.plugins.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a short story from a few templates, about the topic the user named ("a story about a dragon") and as
 * many sentences as asked for ("a three-sentence story", 1 to 6; 4 when unsaid). Without a topic it takes the next
 * template in turn, so repeated requests differ.
 */
final class StoryRule implements ResponderRule {
    static final int DEFAULT_SENTENCES = 4;
    private static final Pattern TOPIC = Pattern.compile("\\b(?:story|tale|fable) (?:about|of|on|with) (.+)$");
    private static final Pattern LENGTH = Pattern.compile("\\b(\\d+)[ -]?sentences?\\b");
    private static final List<String> DEFAULT_TOPICS = List.of("a lighthouse keeper", "a curious robot",
            "a little fox");
    /** Opening, four middle sentences, ending; {@code %s} is the topic. */
    private static final List<List<String>> TEMPLATES = List.of(
            List.of("Once upon a time, there was %s who lived at the edge of a quiet town.",
                    "Every evening, the townsfolk watched the sky turn orange and wondered what lay past the hills.",
                    "One morning a stranger arrived with a map that nobody could read.",
                    "Together they followed the map through forests, rivers and one very grumpy bridge.",
                    "At the end of the path they found a garden full of lanterns that glowed without fire.",
                    "They carried one lantern home, and the town never had a dark night again."),
            List.of("Long ago, in a valley full of wind, lived %s.",
                    "The wind liked to steal hats, scarves and the occasional sandwich.",
                    "One day it stole something important: the last page of the village storybook.",
                    "So a chase began, over rooftops and across fields of tall grass.",
                    "When the wind finally grew tired, it dropped the page into a puddle that reflected the stars.",
                    "The village read the ending by starlight, and everyone agreed it was the best ending of all."),
            List.of("There once was %s who collected sounds in glass jars.",
                    "One jar held the first rain of spring, and another held a cat's sleepy purr.",
                    "Neighbours came from far away to listen, one jar at a time.",
                    "But one jar stayed empty, waiting for a sound nobody had ever heard.",
                    "On a snowy night, the silence of falling snowflakes finally drifted into it.",
                    "From then on, whenever the town grew too loud, they opened that jar and smiled."));

    private final AtomicInteger turn = new AtomicInteger();

    @Override
    public Optional<Reply> reply(Conversation c) {
        if (!c.hasWord("story", "stories", "tale", "fable") && !c.hasPhrase("once upon a time")) {
            return Optional.empty();
        }
        String text = NumberWords.toDigits(c.normalized());
        Matcher topicMatch = TOPIC.matcher(text);
        int index;
        String topic;
        if (topicMatch.find()) {
            topic = topicMatch.group(1).replaceAll("\\b(please|in \\d+[ -]?sentences?)\\b", "").trim();
            index = Math.floorMod(topic.hashCode(), TEMPLATES.size());
        } else {
            index = Math.floorMod(turn.getAndIncrement(), TEMPLATES.size());
            topic = DEFAULT_TOPICS.get(index);
        }
        Matcher lengthMatch = LENGTH.matcher(text);
        int sentences = lengthMatch.find() ? Integer.parseInt(lengthMatch.group(1)) : DEFAULT_SENTENCES;
        return Optional.of(Reply.text(tell(TEMPLATES.get(index), topic, Math.max(1, Math.min(6, sentences)))));
    }

    /** The opening, then middle sentences, always closing with the ending when there is room for two or more. */
    private static String tell(List<String> template, String topic, int sentences) {
        List<String> chosen = new ArrayList<>();
        chosen.add(template.get(0).formatted(topic));
        for (int i = 1; i < sentences - 1; i++) {
            chosen.add(template.get(i));
        }
        if (sentences > 1) {
            chosen.add(template.get(template.size() - 1));
        }
        return String.join(" ", chosen);
    }
}
