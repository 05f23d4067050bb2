package dev.parley.runtime.webrtc;

/** Where one call is: answered and waiting for ICE/DTLS and the data channel, talking, or over. */
public enum CallState {
    CONNECTING, CONNECTED, CLOSED
}
