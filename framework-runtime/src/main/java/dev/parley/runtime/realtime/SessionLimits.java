package dev.parley.runtime.realtime;

import java.time.Duration;

/**
 * What one session may wait for and hold, set per server.
 *
 * @param transcriptWait         how long a voice turn's response waits for the final transcript
 * @param conversationAudioBytes item audio a session keeps for {@code conversation.item.retrieve}; older items
 *                               lose their audio bytes first (transcripts and lengths stay). It bounds a long
 *                               conversation's heap: sessions × this is the worst case.
 * @param caps                   sizes of instructions, tools and items, and the session's maximum duration
 */
public record SessionLimits(Duration transcriptWait, long conversationAudioBytes, SessionCaps caps) {
    /** 8 MiB: the last ~2 min 55 s of 24 kHz PCM16 audio, user and assistant together. */
    public static final long DEFAULT_CONVERSATION_AUDIO_BYTES =
            dev.parley.runtime.conversation.Conversation.DEFAULT_AUDIO_BUDGET_BYTES;
    public static final Duration DEFAULT_TRANSCRIPT_WAIT = Duration.ofSeconds(5);

    public SessionLimits {
        transcriptWait = transcriptWait == null ? DEFAULT_TRANSCRIPT_WAIT : transcriptWait;
        caps = caps == null ? SessionCaps.defaults() : caps;
        if (conversationAudioBytes < 0) {
            throw new IllegalArgumentException("conversation audio budget must be 0 or more bytes, got "
                    + conversationAudioBytes);
        }
    }

    /** With {@link SessionCaps#defaults()}. */
    public SessionLimits(Duration transcriptWait, long conversationAudioBytes) {
        this(transcriptWait, conversationAudioBytes, null);
    }

    public static SessionLimits defaults() {
        return new SessionLimits(DEFAULT_TRANSCRIPT_WAIT, DEFAULT_CONVERSATION_AUDIO_BYTES);
    }
}
