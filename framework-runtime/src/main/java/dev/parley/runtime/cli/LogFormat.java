package dev.parley.runtime.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How log lines look on stderr: {@code text} (logback.xml's pattern) or {@code json}, one object per line from
 * logback's own {@link JsonEncoder}, whose {@code mdc} carries {@code session_id} (set by the session's actor) and
 * {@code response_id} (set around a response's log lines).
 */
public enum LogFormat {
    TEXT, JSON;

    public static LogFormat parse(String s) {
        return switch (s) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new dev.parley.api.ConfigException("--log-format must be text or json, got " + s);
        };
    }

    /** Switches the root logger to this format (text is what logback.xml configured: nothing to do). */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(ctx);
        encoder.setWithFormattedMessage(true); // the line as text reads it; "message" stays the template
        encoder.setWithContext(false); // the same logger-context blob on every line says nothing
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(ctx);
        stderr.setName("json");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(stderr);
    }
}
