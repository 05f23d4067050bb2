package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.Dialect;
import dev.parley.runtime.realtime.EventEmitter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ek_<payload>.<mac>}: the payload is deflated JSON ({@code jti, exp, sid, kid, shape, session}), the MAC
 * HMAC-SHA256 over it with the server's secret, both base64url. Verifying needs only the secret, no shared state.
 */
final class EphemeralKeyCodec {
    /** A token must fit in a request header (the HTTP codec accepts {@value #MAX_HEADER_BYTES} bytes of them). */
    static final int MAX_TOKEN_CHARS = 16 * 1024;
    static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec secret;

    EphemeralKeyCodec(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    String encode(String tokenId, long expiresAt, String sessionId, String mintedBy, Dialect shape,
                  ObjectNode session) {
        ObjectNode p = EventEmitter.MAPPER.createObjectNode();
        p.put("jti", tokenId).put("exp", expiresAt).put("sid", sessionId).put("kid", mintedBy)
                .put("shape", shape.name());
        if (session != null) {
            p.set("session", session);
        }
        String payload = B64.encodeToString(deflate(p.toString().getBytes(StandardCharsets.UTF_8)));
        return "ek_" + payload + "." + B64.encodeToString(mac(payload));
    }

    /** The key, or null when the value is not a well-formed token signed with this secret. Expiry not checked. */
    EphemeralKey decode(String value) {
        if (value == null || !value.startsWith("ek_") || value.length() > MAX_TOKEN_CHARS) {
            return null;
        }
        int dot = value.lastIndexOf('.');
        if (dot < 4) {
            return null;
        }
        String payload = value.substring(3, dot);
        try {
            if (!MessageDigest.isEqual(mac(payload), B64D.decode(value.substring(dot + 1)))) {
                return null;
            }
            JsonNode p = EventEmitter.MAPPER.readTree(inflate(B64D.decode(payload)));
            ObjectNode session = p.get("session") instanceof ObjectNode o ? o : null;
            return new EphemeralKey(value, p.path("exp").asLong(), p.path("sid").asText(), session,
                    Dialect.valueOf(p.path("shape").asText()), p.path("jti").asText(),
                    p.path("kid").isNull() ? null : p.path("kid").asText(null));
        } catch (IllegalArgumentException | java.io.IOException | DataFormatException e) {
            return null; // signed by us but unreadable cannot happen; anything else is a forgery or garbage
        }
    }

    /** A short stable id of a configured key (never the key itself), for per-key counting and tokens. */
    static String keyId(String apiKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "key_" + B64.encodeToString(java.util.Arrays.copyOf(d, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(secret);
            return m.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] in) throws DataFormatException {
        Inflater i = new Inflater();
        i.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            while (!i.finished()) {
                int n = i.inflate(buf);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_PAYLOAD_BYTES) {
                    throw new DataFormatException("too large");
                }
            }
        } finally {
            i.end();
        }
        return out.toByteArray();
    }
}
