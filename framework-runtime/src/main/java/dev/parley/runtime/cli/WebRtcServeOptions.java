package dev.parley.runtime.cli;

import dev.parley.api.ConfigException;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code serve}'s WebRTC options ({@code POST /v1/realtime/calls}): interfaces, UDP ports, STUN/TURN, CORS. */
public final class WebRtcServeOptions {
    @Option(names = "--webrtc-address", paramLabel = "IP", split = ",",
            description = "Advertise ICE candidates on these local addresses only (repeatable; default: every "
                    + "address libwebrtc finds). See docs/webrtc.md for NAT.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--webrtc-ports", paramLabel = "MIN-MAX",
            description = "UDP port range for WebRTC media, e.g. 40000-40100 (default: any).")
    String ports;

    @Option(names = "--stun-server", paramLabel = "URL", split = ",",
            description = "STUN server(s), e.g. stun:stun.example.org:3478, for a server-reflexive candidate.")
    List<String> stun = new ArrayList<>();

    @Option(names = "--turn-server", paramLabel = "URL", split = ",",
            description = "TURN server(s), e.g. turn:turn.example.org:3478?transport=udp, for a relayed candidate.")
    List<String> turn = new ArrayList<>();

    @Option(names = "--turn-username", paramLabel = "USER", description = "TURN user name.")
    String turnUsername;

    @Option(names = "--turn-password", paramLabel = "PASSWORD", description = "TURN credential.")
    String turnPassword;

    @Option(names = "--cors-origins", paramLabel = "ORIGIN", split = ",",
            description = "Browser origins allowed to call /v1/realtime/calls (default: any; the API key is the "
                    + "protection).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--webrtc-connect-timeout-seconds", defaultValue = "15", paramLabel = "S",
            description = "Close an answered call whose ICE/DTLS has not connected after this long "
                    + "(default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    public WebRtcOptions options() {
        int min = 0;
        int max = 0;
        if (ports != null && !ports.isBlank()) {
            String[] p = ports.trim().split("-", 2);
            try {
                min = Integer.parseInt(p[0].trim());
                max = Integer.parseInt((p.length > 1 ? p[1] : p[0]).trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("--webrtc-ports: expected MIN-MAX, e.g. 40000-40100, got " + ports);
            }
        }
        if (connectTimeoutSeconds < 1) {
            throw new ConfigException("--webrtc-connect-timeout-seconds must be 1 or more");
        }
        try {
            return new WebRtcOptions(addresses, min, max, stun, turn, turnUsername, turnPassword, corsOrigins,
                    Duration.ofSeconds(connectTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
