package dev.parley.runtime.webrtc;

import java.time.Duration;
import java.util.List;

/**
 * How WebRTC calls ({@code POST /v1/realtime/calls}) reach the network.
 *
 * @param iceAddresses   the local addresses whose ICE candidates the answer advertises (empty: every address
 *                       libwebrtc gathers); tests use 127.0.0.1
 * @param minPort        lowest UDP port for media (0 with {@code maxPort} 0: any)
 * @param maxPort        highest UDP port for media
 * @param stunUrls       STUN servers ({@code stun:host:port}) for a server-reflexive candidate behind NAT
 * @param turnUrls       TURN servers ({@code turn:host:port?transport=udp}) for a relayed candidate
 * @param turnUsername   TURN user name, or null
 * @param turnPassword   TURN credential, or null
 * @param corsOrigins    origins allowed to call {@code /v1/realtime/calls} from a browser; empty means any (the
 *                       API key is the protection)
 * @param connectTimeout how long an answered call may take to connect (ICE + DTLS) before it is closed
 */
public record WebRtcOptions(List<String> iceAddresses, int minPort, int maxPort, List<String> stunUrls,
                            List<String> turnUrls, String turnUsername, String turnPassword,
                            List<String> corsOrigins, Duration connectTimeout) {
    public WebRtcOptions {
        iceAddresses = iceAddresses == null ? List.of() : List.copyOf(iceAddresses);
        stunUrls = stunUrls == null ? List.of() : List.copyOf(stunUrls);
        turnUrls = turnUrls == null ? List.of() : List.copyOf(turnUrls);
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(15) : connectTimeout;
        if (minPort < 0 || maxPort < 0 || maxPort > 65535 || minPort > maxPort) {
            throw new IllegalArgumentException("--webrtc-ports: MIN-MAX with 0 <= MIN <= MAX <= 65535, got "
                    + minPort + "-" + maxPort);
        }
    }

    /** Any address, any port, no STUN/TURN, any origin, 15 s to connect. */
    public static WebRtcOptions defaults() {
        return new WebRtcOptions(List.of(), 0, 0, List.of(), List.of(), null, null, List.of(), null);
    }

    public WebRtcOptions withIceAddresses(List<String> addresses) {
        return new WebRtcOptions(addresses, minPort, maxPort, stunUrls, turnUrls, turnUsername, turnPassword,
                corsOrigins, connectTimeout);
    }

    public WebRtcOptions withConnectTimeout(Duration timeout) {
        return new WebRtcOptions(iceAddresses, minPort, maxPort, stunUrls, turnUrls, turnUsername, turnPassword,
                corsOrigins, timeout);
    }

    /** Whether a browser page from {@code origin} may call the endpoint. */
    public boolean allowsOrigin(String origin) {
        return corsOrigins.isEmpty() || corsOrigins.contains("*") || corsOrigins.contains(origin);
    }
}
