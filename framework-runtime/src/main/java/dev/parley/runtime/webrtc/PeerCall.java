package dev.parley.runtime.webrtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebRTC call: the peer connection, the {@code oai-events} data channel and the audio track both ways.
 * Answers the client's offer with all candidates gathered (the answer travels in one HTTP reply, no trickle
 * ICE), taps the remote track's decoded audio for the session's input and plays the agent's audio through an
 * {@link AudioPlayout}. A call that is not connected within the configured time is closed.
 */
public final class PeerCall implements PeerConnectionObserver {
    private static final Logger log = LoggerFactory.getLogger(PeerCall.class);
    public static final String EVENTS_CHANNEL = "oai-events";
    /** Events held until the data channel opens (session.created and anything before it). */
    private static final int MAX_HELD_EVENTS = 1024;
    private static final Duration GATHER_WAIT = Duration.ofSeconds(5);

    private final String callId;
    private final WebRtcMedia media;
    private final CallListener listener;
    private final RTCPeerConnection pc;
    private final WebRtcMedia.CallDevice device;
    private final CustomAudioSource agentSource;
    private final AudioTrack agentTrack;
    private final AudioPlayout playout;
    private final MicrophoneAudio microphone = new MicrophoneAudio();
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final Deque<byte[]> held = new ArrayDeque<>();
    private RTCDataChannel events;
    private CallState state = CallState.CONNECTING;
    private ScheduledFuture<?> connectDeadline;

    public PeerCall(String callId, WebRtcMedia media, CallListener listener, PlayoutListener playback) {
        this.callId = callId;
        this.media = media;
        this.listener = listener;
        this.device = media.open();
        this.pc = device.factory().createPeerConnection(media.configuration(), this);
        this.agentSource = new CustomAudioSource();
        this.agentTrack = device.factory().createAudioTrack("parley-agent", agentSource);
        // libwebrtc (re)starts the device's simulated capture whenever a send stream starts, at a moment of its
        // choosing; that capture thread feeds the same send stream as the pushes, and two feeders abort the process
        // (audio_send_stream.cc "Check failed: !race_checker.RaceDetected()", seen here both after the answer and
        // after CONNECTED). So each tick stops it first: a no-op when it is not running, and once stopped
        // (StopRecording joins its thread) this thread is the stream's only feeder.
        this.playout = new AudioPlayout(
                frame -> agentSource.pushAudio(frame, 16, AudioPlayout.RATE, 1, AudioPlayout.FRAME_SAMPLES),
                () -> device.device().stopRecording(), playback);
    }

    public String id() {
        return callId;
    }

    public AudioPlayout playout() {
        return playout;
    }

    /**
     * Applies the offer and returns the answer's SDP, with the candidates on the allowed addresses. Blocks (on
     * the caller's thread, not an event loop) for at most a few seconds of ICE gathering.
     *
     * @throws SdpOffer.InvalidOfferException when libwebrtc refuses the offer
     */
    public String answer(SdpOffer offer) throws Exception {
        SdpExchange.applyOffer(pc, offer, GATHER_WAIT);
        pc.addTrack(agentTrack, List.of("parley"));
        SdpExchange.answer(pc, GATHER_WAIT);
        try {
            gathered.get(GATHER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Call {}: ICE gathering not complete after {} ms; answering with the candidates so far",
                    callId, GATHER_WAIT.toMillis());
        }
        String sdp = CandidateFilter.keep(pc.getLocalDescription().sdp, media.options().iceAddresses());
        // Applying the answer made the audio stream send, which started the device's simulated capture: its thread
        // feeds every send stream (silence) and would race the playout's pushes into the same stream (libwebrtc's
        // race checker aborts the process: audio_send_stream.cc "Check failed: !race_checker.RaceDetected()").
        // The call's own device captures nothing, so stop it before the first push.
        device.device().stopRecording();
        long timeout = media.options().connectTimeout().toMillis();
        connectDeadline = media.clock().schedule(this::connectDeadlinePassed, timeout, TimeUnit.MILLISECONDS);
        return sdp;
    }

    private void connectDeadlinePassed() {
        synchronized (this) {
            if (state != CallState.CONNECTING) {
                return;
            }
        }
        log.warn("Call {}: not connected within {} ms (ICE or DTLS never completed, or no '{}' data channel): "
                + "closing it", callId, media.options().connectTimeout().toMillis(), EVENTS_CHANNEL);
        close("not connected within " + media.options().connectTimeout().toMillis() + " ms");
    }

    /** One server event onto the data channel; held until the channel opens. */
    public void send(byte[] json) {
        synchronized (this) {
            if (state == CallState.CLOSED) {
                return;
            }
            if (events == null || events.getState() != RTCDataChannelState.OPEN) {
                if (held.size() < MAX_HELD_EVENTS) {
                    held.addLast(json);
                }
                return;
            }
            write(json);
        }
    }

    private void write(byte[] json) {
        try {
            events.send(new RTCDataChannelBuffer(ByteBuffer.wrap(json), false));
        } catch (Exception e) {
            log.debug("Call {}: data channel send failed: {}", callId, e.toString());
        }
    }

    public synchronized CallState state() {
        return state;
    }

    /** Ends the call after {@code delay} (so events just sent can cross the data channel first). */
    public void closeAfter(Duration delay, String why) {
        try {
            media.clock().schedule(() -> close(why), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close(why); // the media is already stopping
        }
    }

    /** Ends the call (idempotent): media stops, the peer connection closes, the listener is told once. */
    public void close(String why) {
        synchronized (this) {
            if (state == CallState.CLOSED) {
                return;
            }
            state = CallState.CLOSED;
            held.clear();
        }
        if (connectDeadline != null) {
            connectDeadline.cancel(false);
        }
        playout.stop();
        // libwebrtc must not be closed from one of its own callbacks: hand it to the clock thread
        media.clock().execute(() -> {
            try {
                if (events != null) {
                    events.unregisterObserver();
                    events.close();
                }
                pc.close();
                device.dispose();
            } catch (RuntimeException e) {
                log.debug("Call {}: closing: {}", callId, e.toString());
            }
        });
        log.info("Call {} closed: {}", callId, why);
        listener.onClosed(why);
    }

    // --- libwebrtc callbacks (its signalling and network threads) ---

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState s) {
        if (s == RTCIceGatheringState.COMPLETE) {
            gathered.complete(null);
        }
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState s) {
        log.debug("Call {}: peer connection {}", callId, s);
        if (s == RTCPeerConnectionState.CONNECTED) {
            // the stream's transport is up, so sending (and the capture it restarts) is settled: stop the capture
            // again and only then start pushing, on the clock thread that runs every push
            media.clock().execute(() -> {
                if (state() != CallState.CLOSED) {
                    device.device().stopRecording();
                    playout.start(media.clock());
                }
            });
        }
        if (s == RTCPeerConnectionState.FAILED || s == RTCPeerConnectionState.CLOSED) {
            close("peer connection " + s.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof AudioTrack audio) {
            audio.addSink((data, bits, rate, channels, frames) -> {
                byte[] pcm = microphone.convert(data, bits, rate, channels, frames);
                if (pcm.length > 0) {
                    listener.onMicrophone(pcm);
                }
            });
        }
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        if (!EVENTS_CHANNEL.equals(channel.getLabel())) {
            log.debug("Call {}: ignoring data channel '{}'", callId, channel.getLabel());
            return;
        }
        synchronized (this) {
            events = channel;
        }
        channel.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previous) {
            }

            @Override
            public void onStateChange() {
                RTCDataChannelState s = channel.getState();
                if (s == RTCDataChannelState.OPEN) {
                    opened();
                } else if (s == RTCDataChannelState.CLOSED) {
                    close("data channel closed");
                }
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                byte[] bytes = new byte[buffer.data.remaining()];
                buffer.data.get(bytes);
                listener.onEvent(bytes);
            }
        });
    }

    private void opened() {
        synchronized (this) {
            if (state != CallState.CONNECTING) {
                return;
            }
            state = CallState.CONNECTED;
            while (!held.isEmpty()) {
                write(held.pollFirst());
            }
        }
        if (connectDeadline != null) {
            connectDeadline.cancel(false);
        }
        log.info("Call {} connected", callId);
        listener.onConnected();
    }
}
