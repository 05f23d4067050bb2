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
 * The server's libwebrtc: a peer-connection factory over a headless audio device (no sound card) for each call,
 * made when a call comes so a server that never takes one never loads the 23 MB native library, the network
 * configuration, and a clock thread for deadlines and tear-downs shared by every call.
 */
public final class WebRtcMedia implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebRtcMedia.class);

    private final WebRtcOptions options;
    private final ScheduledExecutorService clock;
    private volatile boolean loaded;

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
        if (!options.iceAddresses().isEmpty()) {
            // webrtc-java 0.14 has no network filter: RTCConfiguration, PeerConnectionFactory and PortAllocatorConfig
            // offer no interface list or network ignore mask (only flags such as DISABLE_ADAPTER_ENUMERATION)
            log.warn("--webrtc-address {}: webrtc-java 0.14 cannot bind ICE to chosen interfaces; libwebrtc still "
                    + "opens its UDP sockets on every interface, and only the answer's candidates are limited to "
                    + "these addresses. Use a firewall to keep media off the other interfaces (docs/webrtc.md).",
                    options.iceAddresses());
        }
    }

    public WebRtcOptions options() {
        return options;
    }

    ScheduledExecutorService clock() {
        return clock;
    }

    /**
     * A call's own audio device and factory. The device's playout pulls the caller's audio (which the call taps);
     * its simulated capture is stopped once the call sends (see {@link PeerCall}), so each call has its own.
     */
    CallDevice open() {
        HeadlessAudioDeviceModule device = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(device);
        if (!loaded) {
            loaded = true;
            log.info("WebRTC media ready (libwebrtc via webrtc-java, headless audio device)");
        }
        return new CallDevice(device, factory);
    }

    /** One call's device and factory, disposed together when the call ends. */
    record CallDevice(HeadlessAudioDeviceModule device, PeerConnectionFactory factory) {
        void dispose() {
            factory.dispose();
            device.dispose();
        }
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
    public void close() {
        clock.shutdown();
    }
}
