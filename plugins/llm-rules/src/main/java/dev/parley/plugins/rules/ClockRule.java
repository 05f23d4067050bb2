package dev.parley.plugins.rules;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Tells the time and/or the date, read from a clock in the configured zone. */
final class ClockRule implements ResponderRule {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);

    private final Clock clock;

    ClockRule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Reply> reply(Conversation c) {
        boolean time = c.hasPhrase("what time", "the time", "time is it", "current time", "time now", "the hour");
        boolean date = c.hasPhrase("the date", "what date", "what day", "which day", "today's date", "day is it",
                "day is today", "date today", "what is today", "the day today", "what year", "what month");
        if (!time && !date) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        StringBuilder answer = new StringBuilder();
        if (time) {
            answer.append("It's ").append(TIME.format(now)).append(".");
        }
        if (date) {
            answer.append(time ? " " : "").append("Today is ").append(DATE.format(now)).append(".");
        }
        return Optional.of(Reply.text(answer.toString()));
    }
}
