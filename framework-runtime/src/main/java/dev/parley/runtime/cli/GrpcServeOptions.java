package dev.parley.runtime.cli;

import dev.parley.runtime.grpc.GrpcServer;
import dev.parley.runtime.server.TransportAccess;
import java.io.IOException;
import dev.parley.api.ConfigException;
import picocli.CommandLine.Option;

/** {@code serve}'s gRPC option: the port of the second transport (off by default). */
final class GrpcServeOptions {
    @Option(names = "--grpc-port", paramLabel = "PORT",
            description = "Also serve gRPC (parley.realtime.v1.Realtime, parley.admin.v1.Admin, reflection) on this "
                    + "port (same --host, same keys and session limit; TLS with --tls-cert). Off by default.")
    Integer grpcPort;

    /** The gRPC server on {@code host}, or null when {@code --grpc-port} is not given. */
    GrpcServer start(TransportAccess transports, String host) {
        if (grpcPort == null) {
            return null;
        }
        try {
            return GrpcServer.start(transports, host, grpcPort);
        } catch (IOException e) {
            throw new ConfigException("cannot serve gRPC on " + host + ":" + grpcPort + ": " + e.getMessage(), e);
        }
    }
}
