package dev.parley.runtime.recording;

/** Where one session's recording is. */
enum RecordingState {
    /** Events and audio are being queued for the writer. */
    RECORDING,
    /** The queue was full: nothing more is queued; the writer is told to close the files as soon as it has room. */
    STOPPING,
    /** Over: closed at the end, stopped early (full queue, disk error, size cap) or switched off by the client. */
    OVER
}
