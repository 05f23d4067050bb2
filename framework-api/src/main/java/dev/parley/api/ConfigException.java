package dev.parley.api;

/**
 * A component's configuration is missing, malformed or unusable. The message names the key and, where known,
 * the file and line it came from, so the runtime can print it as is (no stack trace).
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
