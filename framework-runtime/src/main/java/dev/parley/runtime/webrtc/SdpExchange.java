package dev.parley.runtime.webrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The offer/answer steps of one call, each of libwebrtc's callbacks awaited for at most {@code wait}. */
final class SdpExchange {
    private SdpExchange() {
    }

    /** Sets the client's offer as the remote description; a refusal is the client's mistake (HTTP 400). */
    static void applyOffer(RTCPeerConnection pc, SdpOffer offer, Duration wait) throws Exception {
        CompletableFuture<Void> remote = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer.sdp()), observer(remote));
        try {
            remote.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SdpOffer.InvalidOfferException("invalid_sdp", "The SDP offer was refused: "
                    + e.getCause().getMessage());
        }
    }

    /** Creates the answer and sets it as the local description (which starts ICE gathering). */
    static void answer(RTCPeerConnection pc, Duration wait) throws Exception {
        CompletableFuture<RTCSessionDescription> created = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                created.complete(d);
            }

            @Override
            public void onFailure(String error) {
                created.completeExceptionally(new SdpOffer.InvalidOfferException("unsupported_sdp",
                        "No answer can be made to this offer: " + error));
            }
        });
        RTCSessionDescription answer = unwrap(created, wait);
        CompletableFuture<Void> local = new CompletableFuture<>();
        pc.setLocalDescription(answer, observer(local));
        unwrap(local, wait);
    }

    private static <T> T unwrap(CompletableFuture<T> f, Duration wait) throws Exception {
        try {
            return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private static SetSessionDescriptionObserver observer(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalArgumentException(error));
            }
        };
    }
}
