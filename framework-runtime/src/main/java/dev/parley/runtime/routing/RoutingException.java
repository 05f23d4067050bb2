package dev.parley.runtime.routing;

/**
 * A session cannot be routed as asked: a forced or switched-to variant that does not exist, or a router that
 * named a variant the pipeline does not have. The message is fit to show the client (it lists the variants);
 * the protocol layer refuses the request with it and, for a live switch, the session goes on unchanged.
 */
public class RoutingException extends RuntimeException {
    public RoutingException(String message) {
        super(message);
    }

    public RoutingException(String message, Throwable cause) {
        super(message, cause);
    }
}
