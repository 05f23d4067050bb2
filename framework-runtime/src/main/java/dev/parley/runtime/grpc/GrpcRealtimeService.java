package dev.parley.runtime.grpc;

import dev.parley.grpc.realtime.v1.ClientEvent;
import dev.parley.grpc.realtime.v1.RealtimeGrpc;
import dev.parley.grpc.realtime.v1.ServerEvent;
import dev.parley.runtime.server.TransportAccess;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** {@code parley.realtime.v1.Realtime}: each {@code Connect} is one session ({@link GrpcSession}). */
final class GrpcRealtimeService extends RealtimeGrpc.RealtimeImplBase {
    private final TransportAccess access;

    GrpcRealtimeService(TransportAccess access) {
        this.access = access;
    }

    @Override
    public StreamObserver<ClientEvent> connect(StreamObserver<ServerEvent> responses) {
        ConnectMetadata md = ConnectMetadata.CURRENT.get();
        ServerCallStreamObserver<ServerEvent> call = (ServerCallStreamObserver<ServerEvent>) responses;
        if (md == null) { // the auth interceptor puts it there; a missing one is a wiring bug
            call.onError(Status.INTERNAL.withDescription("no connect metadata").asRuntimeException());
            return new Discard();
        }
        GrpcSession session = new GrpcSession(access, md, call);
        return session.start() ? session : new Discard();
    }

    /** The input of a refused call (its status is already sent). */
    private static final class Discard implements StreamObserver<ClientEvent> {
        @Override
        public void onNext(ClientEvent value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
