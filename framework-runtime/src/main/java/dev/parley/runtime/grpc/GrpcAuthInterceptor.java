package dev.parley.runtime.grpc;

import dev.parley.runtime.server.TransportAccess;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Checks {@code authorization: Bearer} before a call starts: API keys and {@code ek_} keys for the Realtime
 * service (the WebSocket's checks, failed logins counted alike), the admin key for the Admin service. A refused
 * call ends {@code UNAUTHENTICATED} before any message is read.
 */
final class GrpcAuthInterceptor implements ServerInterceptor {
    enum Guard { API_KEY, ADMIN_KEY }

    private final TransportAccess access;
    private final Guard guard;

    GrpcAuthInterceptor(TransportAccess access, Guard guard) {
        this.access = access;
        this.guard = guard;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                        ServerCallHandler<Q, R> next) {
        InetAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR) instanceof InetSocketAddress a
                ? a.getAddress() : null;
        ConnectMetadata md = ConnectMetadata.of(headers, remote);
        if (guard == Guard.ADMIN_KEY) {
            if (!access.adminKeyAccepted(md.apiKey())) {
                call.close(Status.UNAUTHENTICATED.withDescription(access.options().keyPolicy().adminKey() == null
                        ? "No admin key is configured (serve --admin-key): the admin service is off."
                        : "Incorrect admin key."), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            return next.startCall(call, headers);
        }
        TransportAccess.Refusal bad = access.checkKey(md.apiKey(), remote);
        if (bad != null) {
            call.close(Status.UNAUTHENTICATED.withDescription(switch (bad) {
                case MISSING_KEY -> "Missing bearer authentication: send metadata 'authorization: Bearer <key>'.";
                case KEY_USED_UP -> "This ephemeral key has already opened its sessions; mint a new one.";
                default -> "Incorrect API key provided.";
            }), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return Contexts.interceptCall(Context.current().withValue(ConnectMetadata.CURRENT, md), call, headers, next);
    }
}
