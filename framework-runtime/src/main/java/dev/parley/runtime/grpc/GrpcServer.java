package dev.parley.runtime.grpc;

import dev.parley.runtime.server.ServerOptions;
import dev.parley.runtime.server.TransportAccess;
import io.grpc.InsecureServerCredentials;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsServerCredentials;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC listener ({@code serve --grpc-port N}): {@code parley.realtime.v1.Realtime} behind the API keys,
 * {@code parley.admin.v1.Admin} behind the admin key, server reflection open (stock tools list and call the
 * services; reflection reveals only the schema). TLS with the server's {@code --tls-cert}/{@code --tls-key}, or with
 * the certificate {@code --tls-self-signed} generated for the WebSocket.
 * Its sessions are the WebSocket server's: one admission, one drain ({@link TransportAccess}).
 */
public final class GrpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    private final Server server;
    private final boolean tls;
    private final String host;

    private GrpcServer(Server server, boolean tls, String host) {
        this.server = server;
        this.tls = tls;
        this.host = host;
    }

    /** Binds {@code host:port} (0 picks a free port) and starts serving. */
    public static GrpcServer start(TransportAccess access, String host, int port) throws IOException {
        ServerOptions o = access.options();
        ServerCredentials creds;
        var selfSigned = access.selfSignedKeys();
        boolean tls = o.tlsCert() != null || selfSigned.isPresent();
        if (o.tlsCert() != null) {
            creds = TlsServerCredentials.create(o.tlsCert().toFile(), o.tlsKey().toFile());
        } else if (selfSigned.isPresent()) {
            // the WebSocket's generated key and certificate: one --tls-self-signed covers both ports
            creds = TlsServerCredentials.newBuilder().keyManager(selfSigned.get()).build();
        } else {
            creds = InsecureServerCredentials.create();
        }
        Server s = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
                .forAddress(new InetSocketAddress(host, port), creds)
                .addService(ServerInterceptors.intercept(undecodableIsInvalidArgument(
                        new GrpcRealtimeService(access).bindService()),
                        new GrpcAuthInterceptor(access, GrpcAuthInterceptor.Guard.API_KEY)))
                .addService(ServerInterceptors.intercept(new AdminService(access),
                        new GrpcAuthInterceptor(access, GrpcAuthInterceptor.Guard.ADMIN_KEY)))
                .addService(ProtoReflectionServiceV1.newInstance())
                .maxInboundMessageSize(16 * 1024 * 1024) // an append of up to 15 MiB, as on the WebSocket
                .build()
                .start();
        return new GrpcServer(s, tls, host);
    }

    /**
     * The same service whose request parser turns a message that is not a decodable {@code ClientEvent} into
     * {@link GrpcSession#UNDECODABLE}, which the session answers by ending the call {@code INVALID_ARGUMENT}: it is
     * the client's fault. (A parser that throws makes grpc-java cancel the call as {@code UNKNOWN}, "Application
     * error processing RPC", whatever status it throws.)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ServerServiceDefinition undecodableIsInvalidArgument(ServerServiceDefinition def) {
        io.grpc.ServiceDescriptor.Builder sd = io.grpc.ServiceDescriptor.newBuilder(def.getServiceDescriptor()
                .getName()).setSchemaDescriptor(def.getServiceDescriptor().getSchemaDescriptor()); // for reflection
        java.util.List<ServerMethodDefinition<?, ?>> methods = new java.util.ArrayList<>();
        for (ServerMethodDefinition<?, ?> m : def.getMethods()) {
            MethodDescriptor d = m.getMethodDescriptor();
            MethodDescriptor.Marshaller req = d.getRequestMarshaller();
            MethodDescriptor.Marshaller checked = new MethodDescriptor.Marshaller() {
                @Override
                public InputStream stream(Object value) {
                    return req.stream(value);
                }

                @Override
                public Object parse(InputStream stream) {
                    try {
                        return req.parse(stream);
                    } catch (StatusRuntimeException e) {
                        return GrpcSession.UNDECODABLE;
                    }
                }
            };
            MethodDescriptor checkedMethod = d.toBuilder(checked, d.getResponseMarshaller()).build();
            sd.addMethod(checkedMethod);
            methods.add(ServerMethodDefinition.create(checkedMethod, (io.grpc.ServerCallHandler) m.getServerCallHandler()));
        }
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(sd.build());
        methods.forEach(b::addMethod);
        return b.build();
    }

    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    /** The one line to print when ready. */
    public String listeningLine() {
        return "Parley gRPC on " + (tls ? "https://" : "http://") + host + ":" + port()
                + " (parley.realtime.v1.Realtime, parley.admin.v1.Admin, reflection)";
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
    }
}
