package dev.parley.api;

/**
 * The configuration is valid but relies on something this machine does not have yet, and the file does not name it:
 * a user-supplied model whose path comes from an unset environment variable, a prerequisite not yet fetched, an API
 * key not exported. {@code parley pipelines validate} reports it as a warning (the pipeline file itself is right)
 * and {@code serve} fails with it as with any {@link ConfigException}. A value the file sets that is wrong
 * ({@code model_dir: /nonexistent}) is a plain {@link ConfigException}, an error for both.
 */
public class MissingResourceException extends ConfigException {
    public MissingResourceException(String message) {
        super(message);
    }
}
