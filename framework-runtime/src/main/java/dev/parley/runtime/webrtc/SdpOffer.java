package dev.parley.runtime.webrtc;

import java.util.Locale;

/**
 * A client's SDP offer, checked before it reaches libwebrtc so that a bad one is refused with a reason the
 * client can act on (libwebrtc's own parse errors name a line number, not the problem).
 */
public final class SdpOffer {
    private final String sdp;

    private SdpOffer(String sdp) {
        this.sdp = sdp;
    }

    /**
     * @throws InvalidOfferException naming what is wrong: not SDP, no audio section, no Opus, no data channel
     */
    public static SdpOffer parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidOfferException("missing_sdp", "The request has no SDP offer: send it as the body "
                    + "(Content-Type: application/sdp) or as the 'sdp' part of a multipart body.");
        }
        String sdp = text.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!sdp.endsWith("\r\n")) {
            sdp += "\r\n";
        }
        if (!sdp.startsWith("v=0\r\n")) {
            throw new InvalidOfferException("invalid_sdp", "The body is not an SDP offer: it must start with 'v=0'.");
        }
        String lower = sdp.toLowerCase(Locale.ROOT);
        if (!lower.contains("\r\nm=audio ")) {
            throw new InvalidOfferException("unsupported_sdp", "The SDP offer has no audio section (m=audio): "
                    + "add an audio transceiver (e.g. the microphone track) before creating the offer.");
        }
        if (!lower.contains(" opus/48000")) {
            throw new InvalidOfferException("unsupported_sdp", "The SDP offer's audio section offers no Opus "
                    + "(a=rtpmap:... opus/48000/2); Opus is the only audio codec supported.");
        }
        if (!lower.contains("\r\nm=application ") || !lower.contains("webrtc-datachannel")) {
            throw new InvalidOfferException("unsupported_sdp", "The SDP offer has no data channel (m=application "
                    + "... webrtc-datachannel): create the 'oai-events' data channel before creating the offer.");
        }
        if (!lower.contains("a=fingerprint:") || !lower.contains("a=ice-ufrag:")) {
            throw new InvalidOfferException("invalid_sdp", "The SDP offer lacks ICE credentials or a DTLS "
                    + "fingerprint (a=ice-ufrag, a=fingerprint).");
        }
        return new SdpOffer(sdp);
    }

    public String sdp() {
        return sdp;
    }

    /** A refused offer: {@code code} for the JSON error, the message names the problem. */
    public static final class InvalidOfferException extends RuntimeException {
        private final String code;

        public InvalidOfferException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
