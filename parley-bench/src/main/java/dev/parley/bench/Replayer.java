package dev.parley.bench;

import dev.parley.runtime.plugins.ComponentRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recordings through pipelines: one in-process server per pipeline (started once, reused for every
 * recording), a real WebSocket session per recording, and a {@link ReplayComparison} of each replay with its
 * recording.
 */
public final class Replayer implements AutoCloseable {
    /** A pipeline (name or YAML file; null: the one the recording names) and a variant of it (or null). */
    public record Target(String pipeline, String variant) {
        String label(Recording r) {
            return (pipeline == null ? r.pipeline() : pipeline) + (variant == null ? "" : " variant " + variant);
        }
    }

    private final ComponentRegistry registry;
    private final ReplaySession.Speed speed;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, ReplayServer> servers = new LinkedHashMap<>();

    /** @param realtime keep the recorded pacing; false: as fast as the server takes it */
    public Replayer(ComponentRegistry registry, boolean realtime) {
        this.registry = registry;
        this.speed = realtime ? ReplaySession.Speed.REALTIME : ReplaySession.Speed.MAX;
    }

    /** Replays {@code recording} on {@code target} at this replayer's speed. */
    public ReplayComparison replay(Path recordingDir, Target target) throws InterruptedException {
        return replay(recordingDir, target, speed == ReplaySession.Speed.REALTIME);
    }

    /** Replays {@code recording} on {@code target}; {@code realtime}: at the recorded pace, else as fast as it goes. */
    public ReplayComparison replay(Path recordingDir, Target target, boolean realtime) throws InterruptedException {
        Recording r = Recording.read(recordingDir);
        String pipeline = target.pipeline() == null ? r.pipeline() : target.pipeline();
        String variant = target.variant() != null ? target.variant()
                : target.pipeline() == null ? r.variant() : null;
        ReplayServer server = servers.computeIfAbsent(pipeline, p -> ReplayServer.start(p, registry));
        ReplayIds ids = new ReplayIds(r.received());
        List<TimedEvent> events = ReplaySession.run(http, server.url(variant), r,
                realtime ? ReplaySession.Speed.REALTIME : ReplaySession.Speed.MAX, ids);
        return new ReplayComparison(r.sessionId(), target.label(r), SessionSummary.of(r.received()),
                SessionSummary.of(events).withIds(ids.asRecorded()));
    }

    /** Every recording at {@code path} (one, or a folder of them) on every target, recording by recording. */
    public List<ReplayComparison> replayAll(Path path, List<Target> targets) throws InterruptedException {
        List<ReplayComparison> all = new ArrayList<>();
        for (Path r : Recording.find(path)) {
            for (Target t : targets) {
                all.add(replay(r, t));
            }
        }
        return all;
    }

    @Override
    public void close() {
        servers.values().forEach(ReplayServer::close);
        servers.clear();
        http.close();
    }
}
