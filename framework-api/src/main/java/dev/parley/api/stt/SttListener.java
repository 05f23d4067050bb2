package dev.parley.api.stt;

/** Receives a stream's hypotheses. Called on any thread; implementations must be quick and thread-safe. */
public interface SttListener {
    /** The best guess so far for the current utterance (the whole text, not a delta). */
    void onPartial(String text);

    /** The final text of the utterance that {@link SttStream#endUtterance()} closed. */
    void onFinal(String text);

    /** Recognition failed; the runtime reports it as a transcription failure and the session goes on. */
    void onError(Throwable error);
}
