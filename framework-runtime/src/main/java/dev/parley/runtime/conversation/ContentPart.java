package dev.parley.runtime.conversation;

/**
 * One content part of a message item, dialect-neutral. Types: {@code input_text}, {@code input_audio},
 * {@code input_image} (user/system), {@code text} and {@code audio} (assistant; written as
 * {@code output_text}/{@code output_audio} in GA).
 */
public final class ContentPart {
    public final String type;
    public String text;
    public String transcript;
    /** Audio bytes in the session's wire format (user audio as sent; assistant audio as produced), or null. */
    public byte[] audio;
    public String imageUrl;
    public String detail;
    /** Assistant audio only: which text went with which stretch of audio, for truncation. */
    public HeardTranscript heard;
    /** Milliseconds of audio in {@link #audio}. */
    public long audioMs;

    public ContentPart(String type) {
        this.type = type;
    }

    public static ContentPart text(String type, String text) {
        ContentPart p = new ContentPart(type);
        p.text = text;
        return p;
    }

    public boolean isAssistantAudio() {
        return "audio".equals(type);
    }
}
