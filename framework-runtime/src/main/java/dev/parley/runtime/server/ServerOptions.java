package dev.parley.runtime.server;

import dev.parley.runtime.realtime.SessionCaps;
import dev.parley.runtime.realtime.SessionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How the Realtime server listens. The CLI maps {@code --host --port --tls-cert --tls-key --tls-self-signed
 * --api-key} onto it.
 *
 * @param host           interface to bind (default 127.0.0.1)
 * @param port           TCP port; 0 picks a free one (default 8080)
 * @param tlsCert        PEM certificate chain, or null
 * @param tlsKey         PEM private key (PKCS#8), or null
 * @param tlsSelfSigned  serve TLS with a throw-away self-signed certificate (development)
 * @param apiKeys        accepted API keys; empty = open server (a warning is logged at start)
 * @param pingInterval   how often the server pings each WebSocket
 * @param idleTimeout    close a connection that sent nothing (not even a pong) for this long
 * @param transcriptWait how long a response after a voice turn waits for the final transcript
 * @param conversationAudioBytes item audio each session keeps for {@code conversation.item.retrieve}
 *                       ({@code --conversation-audio-mb}); 0 keeps none; see {@link SessionLimits}
 * @param limits         admission, handshake, throttling, drain and output limits
 * @param keyPolicy      ephemeral key signing and reuse, admin key
 * @param sessionCaps    sizes of instructions, tools and items, and the maximum session duration
 */
public record ServerOptions(String host, int port, Path tlsCert, Path tlsKey, boolean tlsSelfSigned,
                            List<String> apiKeys, Duration pingInterval, Duration idleTimeout,
                            Duration transcriptWait, long conversationAudioBytes, ServerLimits limits,
                            KeyPolicy keyPolicy, SessionCaps sessionCaps) {
    public static final String API_KEYS_ENV = "PARLEY_API_KEYS";

    public ServerOptions {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        pingInterval = pingInterval == null ? Duration.ofSeconds(20) : pingInterval;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(120) : idleTimeout;
        transcriptWait = transcriptWait == null ? SessionLimits.DEFAULT_TRANSCRIPT_WAIT : transcriptWait;
        limits = limits == null ? ServerLimits.defaults() : limits;
        keyPolicy = keyPolicy == null ? KeyPolicy.defaults() : keyPolicy;
        sessionCaps = sessionCaps == null ? SessionCaps.defaults() : sessionCaps;
        if (conversationAudioBytes < 0) {
            throw new IllegalArgumentException("--conversation-audio-mb must be 0 or more");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
        }
    }

    /** Embedded use (tests, bench): {@link ServerLimits#defaults()} and a random key secret. */
    public ServerOptions(String host, int port, Path tlsCert, Path tlsKey, boolean tlsSelfSigned,
                         List<String> apiKeys, Duration pingInterval, Duration idleTimeout,
                         Duration transcriptWait, long conversationAudioBytes) {
        this(host, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout, transcriptWait,
                conversationAudioBytes, null, null, null);
    }

    /** 127.0.0.1:8080, no TLS, keys from {@value #API_KEYS_ENV} (comma-separated). */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 8080, null, null, false, apiKeysFromEnv(), null, null, null,
                SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES);
    }

    public static List<String> apiKeysFromEnv() {
        String v = System.getenv(API_KEYS_ENV);
        return v == null ? List.of() : Arrays.asList(v.split(","));
    }

    public ServerOptions withConversationAudioBytes(long bytes) {
        return new ServerOptions(host, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, bytes, limits, keyPolicy, sessionCaps);
    }

    public ServerOptions withLimits(ServerLimits l) {
        return new ServerOptions(host, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, l, keyPolicy, sessionCaps);
    }

    public ServerOptions withKeyPolicy(KeyPolicy k) {
        return new ServerOptions(host, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, k, sessionCaps);
    }

    /** What each session may wait for and hold. */
    public SessionLimits sessionLimits() {
        return new SessionLimits(transcriptWait, conversationAudioBytes, sessionCaps);
    }

    public ServerOptions withSessionCaps(SessionCaps caps) {
        return new ServerOptions(host, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, keyPolicy, caps);
    }

    public boolean tls() {
        return tlsSelfSigned || tlsCert != null;
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, keyPolicy, sessionCaps);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, tlsCert, tlsKey, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, keyPolicy, sessionCaps);
    }

    public ServerOptions withTls(Path cert, Path key) {
        return new ServerOptions(host, port, cert, key, tlsSelfSigned, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, keyPolicy, sessionCaps);
    }

    public ServerOptions withTlsSelfSigned(boolean on) {
        return new ServerOptions(host, port, tlsCert, tlsKey, on, apiKeys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, keyPolicy, sessionCaps);
    }

    public ServerOptions withApiKeys(List<String> keys) {
        return new ServerOptions(host, port, tlsCert, tlsKey, tlsSelfSigned, keys, pingInterval, idleTimeout,
                transcriptWait, conversationAudioBytes, limits, keyPolicy, sessionCaps);
    }

    public ServerOptions withTimings(Duration ping, Duration idle, Duration transcript) {
        return new ServerOptions(host, port, tlsCert, tlsKey, tlsSelfSigned, apiKeys, ping, idle, transcript,
                conversationAudioBytes, limits, keyPolicy, sessionCaps);
    }
}
