package dev.parley.plugins.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.parley.api.llm.LlmException;
import dev.parley.api.llm.LlmException.Kind;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Classifies a failure from LangChain4j or the HTTP layer into an {@link LlmException} whose message a client may
 * see: what went wrong, where, and what to check — with the API key and anything shaped like one removed.
 */
public final class FailureMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVER_TEXT = 300;

    private final String endpoint;
    private final String secret;

    /**
     * @param endpoint what the engine talks to, for messages (e.g. {@code http://…/v1 (model gpt-4o-mini)})
     * @param secret   the API key to scrub from messages, or null
     */
    public FailureMapper(String endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    /** The endpoint as messages name it. */
    public String endpoint() {
        return endpoint;
    }

    public LlmException map(Throwable failure) {
        if (failure instanceof LlmException e) {
            return e;
        }
        HttpException http = find(failure, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), serverText(http.getMessage()), failure);
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return error(Kind.TIMEOUT, "Connecting to " + endpoint + " timed out.", failure);
        }
        if (find(failure, HttpTimeoutException.class) != null
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null
                || find(failure, java.util.concurrent.TimeoutException.class) != null) {
            return error(Kind.TIMEOUT, "The model server at " + endpoint + " did not answer in time.", failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, ClosedChannelException.class) != null) {
            return error(Kind.CONNECTION, "Could not connect to " + endpoint
                    + ". Is the server running and is base_url right?", failure);
        }
        if (find(failure, JsonProcessingException.class) != null) {
            return error(Kind.MALFORMED_RESPONSE, "The model server at " + endpoint
                    + " sent a stream that is not valid OpenAI-style JSON.", failure);
        }
        if (find(failure, EOFException.class) != null || find(failure, SocketException.class) != null) {
            return error(Kind.CONNECTION, "The connection to " + endpoint + " broke: " + rootMessage(failure),
                    failure);
        }
        return error(Kind.OTHER, "The model server at " + endpoint + " failed: " + rootMessage(failure), failure);
    }

    private LlmException fromStatus(int status, String serverText, Throwable cause) {
        String said = serverText.isEmpty() ? "" : " The server said: " + serverText;
        return switch (status) {
            case 401, 403 -> error(Kind.AUTHENTICATION, "The model server at " + endpoint + " refused the credentials"
                    + " (HTTP " + status + "). Check the API key (OPENAI_API_KEY or api_key)." + said, cause);
            case 429 -> error(Kind.RATE_LIMITED, "The model server at " + endpoint + " is rate limiting or the quota"
                    + " is used up (HTTP 429). Try again later." + said, cause);
            case 408, 504 -> error(Kind.TIMEOUT, "The model server at " + endpoint + " timed out (HTTP " + status + ")."
                    + said, cause);
            case 404 -> error(Kind.INVALID_REQUEST, "The model server at " + endpoint + " answered 404: check base_url"
                    + " and the model name." + said, cause);
            default -> status >= 400 && status < 500
                    ? error(Kind.INVALID_REQUEST, "The model server at " + endpoint + " rejected the request (HTTP "
                    + status + ")." + said, cause)
                    : error(Kind.OTHER, "The model server at " + endpoint + " failed (HTTP " + status + ")." + said,
                    cause);
        };
    }

    /** The {@code error.message} of an OpenAI-style error body, else the body itself, shortened and scrubbed. */
    private String serverText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.trim();
        try {
            JsonNode node = JSON.readTree(text);
            JsonNode message = node.path("error").path("message");
            if (message.isTextual()) {
                text = message.asText();
            } else if (node.path("error").isTextual()) {
                text = node.path("error").asText();
            } else if (node.path("message").isTextual()) {
                text = node.path("message").asText();
            }
        } catch (Exception notJson) {
            // plain-text error body: use it as is
        }
        text = text.replaceAll("\\s+", " ");
        return scrub(text.length() > MAX_SERVER_TEXT ? text.substring(0, MAX_SERVER_TEXT) + "…" : text);
    }

    private LlmException error(Kind kind, String message, Throwable cause) {
        return new LlmException(kind, scrub(message), cause);
    }

    /** Removes the configured key and anything shaped like a bearer token or {@code sk-…} key. */
    String scrub(String text) {
        String s = secret == null ? text : text.replace(secret, "[redacted]");
        return s.replaceAll("\\bsk-[A-Za-z0-9_\\-*]{6,}", "[redacted]")
                .replaceAll("(?i)(bearer )[A-Za-z0-9._\\-]{8,}", "$1[redacted]");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
