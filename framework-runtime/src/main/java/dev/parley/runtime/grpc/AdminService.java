package dev.parley.runtime.grpc;

import dev.parley.grpc.admin.v1.AdminGrpc;
import dev.parley.grpc.admin.v1.CloseSessionRequest;
import dev.parley.grpc.admin.v1.CloseSessionResponse;
import dev.parley.grpc.admin.v1.DrainRequest;
import dev.parley.grpc.admin.v1.DrainResponse;
import dev.parley.grpc.admin.v1.ListPipelinesRequest;
import dev.parley.grpc.admin.v1.ListPipelinesResponse;
import dev.parley.grpc.admin.v1.ListPluginsRequest;
import dev.parley.grpc.admin.v1.ListPluginsResponse;
import dev.parley.grpc.admin.v1.ListSessionsRequest;
import dev.parley.grpc.admin.v1.ListSessionsResponse;
import dev.parley.grpc.admin.v1.Plugin;
import dev.parley.grpc.admin.v1.Session;
import dev.parley.runtime.plugins.PluginSummary;
import dev.parley.runtime.server.AdmittedSession;
import dev.parley.runtime.server.SessionSummary;
import dev.parley.runtime.server.TransportAccess;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code parley.admin.v1.Admin} (behind the admin key, {@link GrpcAuthInterceptor}): the loaded pipelines (a
 * pipeline's variants as {@code name/variant}) and plugins, every transport's live sessions, drain, close one.
 */
final class AdminService extends AdminGrpc.AdminImplBase {
    private final TransportAccess access;

    AdminService(TransportAccess access) {
        this.access = access;
    }

    @Override
    public void listPipelines(ListPipelinesRequest request, StreamObserver<ListPipelinesResponse> out) {
        ListPipelinesResponse.Builder b = ListPipelinesResponse.newBuilder();
        for (Map.Entry<String, List<String>> p : access.info().pipelines().entrySet()) {
            b.addPipelines(p.getKey());
            p.getValue().forEach(v -> b.addPipelines(p.getKey() + "/" + v));
        }
        reply(out, b.build());
    }

    @Override
    public void listPlugins(ListPluginsRequest request, StreamObserver<ListPluginsResponse> out) {
        ListPluginsResponse.Builder b = ListPluginsResponse.newBuilder();
        for (PluginSummary p : access.info().plugins()) {
            b.addPlugins(Plugin.newBuilder().setId(p.id()).setVersion(nz(p.version())).setState(nz(p.state())));
        }
        reply(out, b.build());
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> out) {
        ListSessionsResponse.Builder b = ListSessionsResponse.newBuilder();
        Instant now = Instant.now();
        for (AdmittedSession s : access.sessions()) {
            SessionSummary m = s.summary();
            if (m == null) {
                continue; // admitted, not yet routed to a pipeline (a few ms)
            }
            b.addSessions(Session.newBuilder().setId(m.id()).setTransport(m.transport()).setPipeline(nz(m.pipeline()))
                    .setVariant(nz(m.variant())).setAgeMs(Duration.between(m.started(), now).toMillis())
                    .setState(m.state().get()));
        }
        reply(out, b.build());
    }

    @Override
    public void drain(DrainRequest request, StreamObserver<DrainResponse> out) {
        access.drain(request.getReason().isBlank() ? "admin service" : "admin service: " + request.getReason());
        reply(out, DrainResponse.newBuilder().setState(access.state().name())
                .setLiveSessions(access.sessions().size()).build());
    }

    @Override
    public void closeSession(CloseSessionRequest request, StreamObserver<CloseSessionResponse> out) {
        AdmittedSession s = access.session(request.getSessionId());
        if (s == null) {
            out.onError(Status.NOT_FOUND.withDescription("No live session " + request.getSessionId())
                    .asRuntimeException());
            return;
        }
        s.closeByAdmin();
        reply(out, CloseSessionResponse.getDefaultInstance());
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
