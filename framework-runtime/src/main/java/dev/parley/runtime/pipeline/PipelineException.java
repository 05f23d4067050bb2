package dev.parley.runtime.pipeline;

import dev.parley.api.ConfigException;

/**
 * A pipeline file is malformed or names something that does not exist. The message starts with where
 * ({@code pipelines/default.yaml:14}) and which key ({@code stages.stt.provider}), then says what is wrong and,
 * where possible, what would be right.
 */
public class PipelineException extends ConfigException {
    /**
     * @param location {@code file:line}
     * @param key      dotted key path, e.g. {@code stages.llm[0].when}; may be empty for the whole document
     * @param problem  what is wrong
     */
    public PipelineException(String location, String key, String problem) {
        super(location + (key == null || key.isEmpty() ? "" : " " + key) + ": " + problem);
    }

    /** As {@link #PipelineException(String, String, String)}, keeping the parser's exception for --verbose. */
    public PipelineException(String location, String key, String problem, Throwable cause) {
        super(location + (key == null || key.isEmpty() ? "" : " " + key) + ": " + problem, cause);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }

    public PipelineException(String message) {
        super(message);
    }
}
