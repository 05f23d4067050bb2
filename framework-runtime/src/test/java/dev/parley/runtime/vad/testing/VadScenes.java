package dev.parley.runtime.vad.testing;

import java.util.List;

import static dev.parley.runtime.vad.testing.VadAudio.*;

/**
 * The VAD test tracks, built from the {@code testdata/vad/} fixtures with speech at known offsets. Both the
 * energy VAD and Silero are judged on exactly these.
 */
public final class VadScenes {
    /** A track and where its speech truly is (the fixtures are trimmed to their first and last sound). */
    public record Scene(String name, short[] pcm, List<Segment> truth) {
    }

    /** Background of "silence": a quiet room's hiss, -60 dBFS white noise. */
    public static final double ROOM_DBFS = -60;
    public static final int FIRST_AT_MS = 1000;
    public static final int SECOND_AT_MS = 5000;
    public static final int SPEECH_TRACK_MS = 9500;

    private VadScenes() {
    }

    /** Two utterances (flite voices slt and rms) at 1.0 s and 5.0 s in a quiet room. */
    public static Scene speechInQuiet() {
        double[] track = atLevel(looped(fixture("white_noise.wav"), SPEECH_TRACK_MS), ROOM_DBFS);
        return withSpeech("speech in quiet room", track);
    }

    /** The same two utterances in white noise whose RMS is {@code snrDb} below the speech's. */
    public static Scene speechInWhiteNoise(double snrDb) {
        double[] track = atLevel(looped(fixture("white_noise.wav"), SPEECH_TRACK_MS), speechDb() - snrDb);
        return withSpeech("speech in white noise at " + snrDb + " dB SNR", track);
    }

    /** Utterance 1 from the very first sample, utterance 2 at 4.0 s: no quiet lead-in to learn the room from. */
    public static Scene speechAtStart() {
        double[] track = atLevel(looped(fixture("white_noise.wav"), 8000), ROOM_DBFS);
        double[] a = fixture("speech_slt.wav");
        double[] b = fixture("speech_rms.wav");
        add(track, a, 0);
        add(track, b, 4000);
        return new Scene("speech from the first sample", pcm16(track), List.of(
                new Segment(0, durationMs(a)), new Segment(4000, 4000 + durationMs(b))));
    }

    /** The two utterances in the speech-shaped modulated noise, its RMS {@code snrDb} below the speech's. */
    public static Scene speechInSpeechShapedNoise(double snrDb) {
        double[] track = atLevel(looped(fixture("speech_shaped_noise.wav"), SPEECH_TRACK_MS), speechDb() - snrDb);
        return withSpeech("speech in speech-shaped noise at " + snrDb + " dB SNR", track);
    }

    private static double speechDb() {
        return 20 * Math.log10((rms(fixture("speech_slt.wav")) + rms(fixture("speech_rms.wav"))) / 2);
    }

    /** One second of quiet room, then five seconds of loud white noise (-20 dBFS, as loud as the speech). */
    public static Scene whiteNoise() {
        return noiseAfterQuiet("white noise", "white_noise.wav");
    }

    /**
     * One second of quiet room, then five seconds of speech-shaped, syllable-rate modulated noise at -20 dBFS
     * (see testdata/vad/README.md): babble's spectrum and rhythm without its speech.
     */
    public static Scene speechShapedNoise() {
        return noiseAfterQuiet("speech-shaped modulated noise", "speech_shaped_noise.wav");
    }

    private static Scene noiseAfterQuiet(String name, String noiseFixture) {
        double[] track = atLevel(looped(fixture("white_noise.wav"), 6000), ROOM_DBFS);
        double[] noise = atLevel(looped(fixture(noiseFixture), 5000), -20);
        add(track, noise, 1000);
        return new Scene(name, pcm16(track), List.of());
    }

    private static Scene withSpeech(String name, double[] track) {
        double[] a = fixture("speech_slt.wav");
        double[] b = fixture("speech_rms.wav");
        add(track, a, FIRST_AT_MS);
        add(track, b, SECOND_AT_MS);
        return new Scene(name, pcm16(track), List.of(
                new Segment(FIRST_AT_MS, FIRST_AT_MS + durationMs(a)),
                new Segment(SECOND_AT_MS, SECOND_AT_MS + durationMs(b))));
    }
}
