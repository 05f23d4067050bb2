package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.EventEmitter;
import dev.parley.runtime.realtime.Fields;
import dev.parley.runtime.realtime.ProtocolException;
import dev.parley.runtime.realtime.SessionConfigReader;
import dev.parley.runtime.realtime.SessionSetup;
import dev.parley.runtime.webrtc.SdpOffer;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of {@code POST /v1/realtime/calls}: the SDP offer alone ({@code application/sdp}) or a multipart form
 * with an {@code sdp} part and a {@code session} part (JSON, the same shape as {@code client_secrets}'s
 * {@code session}, applied to the new session like a {@code session.update}).
 */
record CallOffer(SdpOffer sdp, ObjectNode session) {

    static CallOffer read(FullHttpRequest req) {
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "application/sdp").toLowerCase();
        if (!type.startsWith("multipart/")) {
            return new CallOffer(SdpOffer.parse(req.content().toString(StandardCharsets.UTF_8)), null);
        }
        String sdp = null;
        String session = null;
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(req);
        try {
            for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                String value = switch (part) {
                    case Attribute a -> a.getValue();
                    case FileUpload f -> f.getString(StandardCharsets.UTF_8);
                    default -> null;
                };
                if ("sdp".equals(part.getName())) {
                    sdp = value;
                } else if ("session".equals(part.getName())) {
                    session = value;
                }
            }
        } catch (IOException | HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw ProtocolException.invalidRequest("invalid_multipart", null,
                    "The multipart body could not be read: " + e.getMessage());
        } finally {
            decoder.destroy();
        }
        return new CallOffer(SdpOffer.parse(sdp), session == null ? null : json(session));
    }

    private static ObjectNode json(String text) {
        try {
            return Fields.object(EventEmitter.MAPPER.readTree(text), "session");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProtocolException.invalidRequest("invalid_json", "session",
                    "We could not parse the JSON of the 'session' part: " + e.getOriginalMessage());
        }
    }

    /** The setup with the {@code session} part applied (validated as a GA session object). */
    SessionSetup apply(SessionSetup setup) {
        if (session == null) {
            return setup;
        }
        ObjectNode s = session.deepCopy();
        if (!s.hasNonNull("type")) {
            s.put("type", "realtime");
        }
        return new SessionSetup(setup.dialect(), setup.identity(),
                SessionConfigReader.applyGa(setup.config(), s, "session"));
    }
}
