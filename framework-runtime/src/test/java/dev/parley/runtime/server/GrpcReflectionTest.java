package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.grpc.GrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server reflection is on, so stock tools (grpcurl, Postman) find both services and their schema. */
class GrpcReflectionTest {
    @Test
    void reflectionListsTheRealtimeAndAdminServicesAndServesTheirFiles() throws Exception {
        try (TestServer server = new TestServer();
             GrpcServer grpc = GrpcServer.start(server.server.transports(), "127.0.0.1", 0)) {
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
            try {
                ServerReflectionResponse listed = ask(ch, ServerReflectionRequest.newBuilder().setListServices("")
                        .build());
                List<String> names = listed.getListServicesResponse().getServiceList().stream()
                        .map(ServiceResponse::getName).toList();
                assertTrue(names.containsAll(List.of("parley.realtime.v1.Realtime", "parley.admin.v1.Admin")),
                        names.toString());
                ServerReflectionResponse file = ask(ch, ServerReflectionRequest.newBuilder()
                        .setFileContainingSymbol("parley.realtime.v1.Realtime").build());
                assertTrue(file.getFileDescriptorResponse().getFileDescriptorProtoCount() > 0, file.toString());
            } finally {
                ch.shutdownNow();
            }
        }
    }

    private static ServerReflectionResponse ask(ManagedChannel ch, ServerReflectionRequest request) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> out = ServerReflectionGrpc.newStub(ch).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse r) {
                        answer.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        out.onNext(request);
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } finally {
            out.onCompleted();
        }
    }
}
