package dev.parley.bench;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.realtime.SessionTaps;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which threads run the session's observers (the session's path: every tap of a session runs on the thread that
 * calls this one), and the live threads of the OpenTelemetry span exporter with their CPU time. The telemetry
 * bench shows the two sets are apart: the exporter's protobuf encoding and HTTP posts never run on a session's
 * thread, they only compete with it for a core.
 */
final class TapThreads implements SessionTaps {
    /** The SDK's batch span processor names its worker thread so. */
    static final String EXPORTER_THREAD = "BatchSpanProcessor";

    private final Set<String> sessionThreads = ConcurrentHashMap.newKeySet();

    @Override
    public SessionTap open(String transport, dev.parley.runtime.realtime.SessionIdentity identity,
                           dev.parley.runtime.pipeline.Pipeline pipeline) {
        return new SessionTap() {
            @Override
            public void on(ConversationEvent event) {
                sessionThreads.add(Thread.currentThread().getName());
            }
        };
    }

    /** Names of the threads that ran a session's observers. */
    Set<String> sessionThreads() {
        return Set.copyOf(sessionThreads);
    }

    /** The exporter's live threads and their CPU time (ms; -1 when the JVM does not measure it). */
    static Map<String, Double> exporterThreads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Double> cpu = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains(EXPORTER_THREAD)) {
                long ns = mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(t.threadId()) : -1;
                cpu.put(t.getName(), ns < 0 ? -1 : ns / 1e6);
            }
        }
        return cpu;
    }
}
