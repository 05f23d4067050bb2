package dev.parley.runtime.webrtc;

import java.util.List;

/**
 * Keeps only the answer's ICE candidates on the configured addresses. libwebrtc gathers on every interface and
 * webrtc-java exposes no network filter, so the choice of interfaces is made here: the peer is told of the
 * allowed addresses only and so sends its checks (and then media) to those alone.
 */
final class CandidateFilter {
    private CandidateFilter() {
    }

    static String keep(String sdp, List<String> addresses) {
        if (addresses.isEmpty()) {
            return sdp;
        }
        StringBuilder out = new StringBuilder(sdp.length());
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("a=candidate:") && !addresses.contains(address(line))) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** {@code a=candidate:foundation component transport priority ADDRESS port typ ...} */
    static String address(String candidateLine) {
        String[] f = candidateLine.split(" ");
        return f.length > 4 ? f[4] : "";
    }
}
