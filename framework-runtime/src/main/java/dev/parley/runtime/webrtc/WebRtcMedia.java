package dev.parley.runtime.webrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's libwebrtc: one peer-connection factory over the headless audio device (no sound card; it pulls
 * the remote audio that {@link PeerCall} taps), made on the first call so a server that never takes one never
 * loads the 23 MB native library, and the playout clock shared by every call.
 */
public final class WebRtcMedia implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebRtcMedia.class);

    private final WebRtcOptions options;
    private final ScheduledExecutorService clock;
    private HeadlessAudioDeviceModule audioDevice;
    private PeerConnectionFactory factory;

    /**
     * The playout clock is a thread of its own: 100 ticks a second per call must not queue behind the session
     * timers' work.
     */
    public WebRtcMedia(WebRtcOptions options) {
        this.options = options;
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-webrtc-playout");
            t.setDaemon(true);
            return t;
        });
    }

    public WebRtcOptions options() {
        return options;
    }

    ScheduledExecutorService clock() {
        return clock;
    }

    synchronized PeerConnectionFactory factory() {
        if (factory == null) {
            audioDevice = new HeadlessAudioDeviceModule();
            factory = new PeerConnectionFactory(audioDevice);
            log.info("WebRTC media ready (libwebrtc via webrtc-java, headless audio device)");
        }
        return factory;
    }

    /** The peer connection's configuration: STUN/TURN servers and the UDP port range. */
    RTCConfiguration configuration() {
        RTCConfiguration c = new RTCConfiguration();
        if (!options.stunUrls().isEmpty()) {
            RTCIceServer stun = new RTCIceServer();
            stun.urls = List.copyOf(options.stunUrls());
            c.iceServers.add(stun);
        }
        if (!options.turnUrls().isEmpty()) {
            RTCIceServer turn = new RTCIceServer();
            turn.urls = List.copyOf(options.turnUrls());
            turn.username = options.turnUsername();
            turn.password = options.turnPassword();
            c.iceServers.add(turn);
        }
        if (options.maxPort() > 0) {
            PortAllocatorConfig ports = new PortAllocatorConfig();
            ports.minPort = options.minPort();
            ports.maxPort = options.maxPort();
            c.portAllocatorConfig = ports;
        }
        return c;
    }

    @Override
    public synchronized void close() {
        clock.shutdown();
        if (factory != null) {
            factory.dispose();
            factory = null;
        }
        if (audioDevice != null) {
            audioDevice.dispose();
            audioDevice = null;
        }
    }
}
