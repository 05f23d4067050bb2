package dev.parley.bench;

import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Audio to stream, already cut into {@code input_audio_buffer.append} events of {@code chunkMs} each (24 kHz
 * pcm16, the session's default input format), so sending costs the load client nothing but a socket write.
 * Knows which chunk carries the first and the last speech sample.
 *
 * @param appends    one JSON client event per chunk
 * @param chunkMs    audio per chunk
 * @param firstSpeech index of the chunk holding the first speech sample
 * @param lastSpeech  index of the chunk holding the last speech sample
 */
record AudioTrack(String[] appends, int chunkMs, int firstSpeech, int lastSpeech) {
    static final int RATE = 24_000;
    /** Speech begins and ends where the magnitude first/last reaches this (−40 dBFS). */
    static final int SPEECH_LEVEL = 328;

    int chunks() {
        return appends.length;
    }

    int durationMs() {
        return appends.length * chunkMs;
    }

    /** A 16-bit mono WAV with its leading and trailing quiet trimmed, resampled to 24 kHz. */
    static short[] speech(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16) {
                throw new IllegalArgumentException(wav + ": need 16-bit mono, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            short[] pcm = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(pcm);
            short[] trimmed = trim(pcm);
            int rate = Math.round(f.getSampleRate());
            if (rate == RATE) {
                return trimmed;
            }
            StreamingResampler r = new StreamingResampler(rate, RATE);
            short[] body = r.process(trimmed, 0, trimmed.length);
            short[] tail = r.flush();
            short[] all = new short[body.length + tail.length];
            System.arraycopy(body, 0, all, 0, body.length);
            System.arraycopy(tail, 0, all, body.length, tail.length);
            return all;
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("cannot read speech fixture " + wav + ": " + e.getMessage(), e);
        }
    }

    private static short[] trim(short[] pcm) {
        int first = 0;
        while (first < pcm.length && Math.abs(pcm[first]) < SPEECH_LEVEL) {
            first++;
        }
        int last = pcm.length - 1;
        while (last > first && Math.abs(pcm[last]) < SPEECH_LEVEL) {
            last--;
        }
        return java.util.Arrays.copyOfRange(pcm, first, last + 1);
    }

    /** A steady 200 Hz tone at half scale: "speech" for the benchmark VAD. */
    static short[] tone(int ms) {
        short[] s = new short[RATE * ms / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (16000 * Math.sin(2 * Math.PI * 200 * i / RATE));
        }
        return s;
    }

    /**
     * {@code leadMs} of silence, then {@code speech} starting on a chunk boundary, then {@code tailMs} of
     * silence (rounded up to whole chunks).
     */
    static AudioTrack of(short[] speech, int leadMs, int tailMs, int chunkMs) {
        int chunk = RATE * chunkMs / 1000;
        int lead = (leadMs + chunkMs - 1) / chunkMs * chunk;
        int chunks = (lead + speech.length + RATE * tailMs / 1000 + chunk - 1) / chunk;
        short[] all = new short[chunks * chunk];
        System.arraycopy(speech, 0, all, lead, speech.length);
        String[] appends = new String[chunks];
        for (int i = 0; i < chunks; i++) {
            byte[] wire = WireCodec.encode(WireFormat.PCM16_24K, all, i * chunk, chunk);
            appends[i] = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(wire) + "\"}";
        }
        return new AudioTrack(appends, chunkMs, lead / chunk, (lead + speech.length - 1) / chunk);
    }
}
