package dev.parley.runtime.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.plugins.PluginSummary;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionTap;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's session recording: opens one {@link SessionRecording} per session, all written by one
 * {@link RecordingWriter} thread into {@code dir/<session id>/}, and applies the {@link Retention} policy. A
 * client switches its session's recording off with {@code ?record=off} on the URL, or later with
 * {@code session.update} {@code {"session": {"parley": {"record": false}}}} (what was written is deleted).
 */
public final class Recordings implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    /** Records nothing. */
    public static final Recordings OFF = new Recordings();

    private final RecordSettings settings;
    private final RecordingWriter writer;
    private final Retention retention;
    private final String version;
    private final List<PluginSummary> plugins;
    private final Set<Path> live = ConcurrentHashMap.newKeySet();

    private Recordings() {
        settings = null;
        writer = null;
        retention = null;
        version = null;
        plugins = List.of();
    }

    /**
     * @param version Parley's version, for the manifests
     * @param plugins the loaded plugins and their versions, for the manifests
     */
    public Recordings(RecordSettings settings, String version, List<PluginSummary> plugins) {
        this(settings, version, plugins, new RecordingWriter());
    }

    Recordings(RecordSettings settings, String version, List<PluginSummary> plugins, RecordingWriter writer) {
        this.settings = settings;
        this.writer = writer;
        this.retention = new Retention(settings);
        this.version = version;
        this.plugins = List.copyOf(plugins);
        housekeeping();
        log.info("Recording sessions to {} (keep_days {}, max_mb {}; ?record=off skips one)", settings.dir(),
                settings.keepDays(), settings.maxMb());
    }

    public boolean enabled() {
        return settings != null;
    }

    /** The recording of a new session, or {@link SessionTap#NONE} when off (for the server or by {@code query}). */
    public SessionTap open(String transport, SessionIdentity identity, Pipeline pipeline, Map<String, String> query) {
        if (!enabled() || switchedOff(query.get("record"))) {
            return SessionTap.NONE;
        }
        Path dir = settings.dir().resolve(identity.id());
        live.add(dir);
        SessionFiles files = new SessionFiles(identity.id(), dir, settings.maxBytes());
        return new SessionRecording(writer, files, manifest(transport, identity, pipeline), () -> {
            if (live.remove(dir)) {
                housekeeping();
            }
        });
    }

    static boolean switchedOff(String value) {
        return value != null && Set.of("off", "false", "0", "no").contains(value.strip().toLowerCase());
    }

    private ObjectNode manifest(String transport, SessionIdentity identity, Pipeline pipeline) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("format", "parley-recording/1").put("session_id", identity.id()).put("transport", transport)
                .put("started_at", Instant.now().toString()).put("parley_version", version)
                .put("pipeline", pipeline.name()).put("variant", pipeline.variant());
        ObjectNode stages = m.putObject("components");
        Object[][] parts = {{"vad", pipeline.vad()}, {"stt", pipeline.stt()}, {"turn", pipeline.turn()},
                {"llm", pipeline.llm()}, {"tts", pipeline.tts()}};
        for (Object[] p : parts) {
            if (p[1] != null) {
                Class<?> c = p[1].getClass();
                String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
                stages.putObject((String) p[0]).put("class", c.getName()).put("version", v == null ? version : v);
            }
        }
        if (pipeline.llm() != null) {
            ((ObjectNode) stages.get("llm")).put("describe", pipeline.llm().describe());
        }
        var list = m.putArray("plugins");
        plugins.forEach(p -> list.addObject().put("id", p.id()).put("version", p.version()));
        m.putObject("files").put("events", SessionFiles.EVENTS).put("input_audio", SessionFiles.INPUT)
                .put("output_audio", SessionFiles.OUTPUT);
        return m;
    }

    private void housekeeping() {
        writer.offer(null, 0, () -> retention.apply(Set.copyOf(live), Instant.now()));
    }

    /** Writes what is queued and stops the writer thread. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
