package org.example.parley.flite;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;

import java.util.Arrays;
import java.util.List;

/**
 * One clause: its phrases spoken one after another, each phrase's audio passed on in 100 ms chunks. Every callback
 * and {@link #cancel()} take one lock, so once cancel returned nothing more is reported; cancel also kills the
 * flite process in progress.
 */
final class FliteSynthesis implements TtsSynthesis {
    private static final int CHUNK = FliteTtsEngine.RATE / 10;

    private final String command;
    private final String voice;
    private final double stretch;
    private final List<String> phrases;
    private final TtsListener listener;
    private final Object lock = new Object();
    private boolean cancelled;  // guarded by lock
    private Process current;    // guarded by lock

    FliteSynthesis(String command, String voice, double stretch, List<String> phrases, TtsListener listener) {
        this.command = command;
        this.voice = voice;
        this.stretch = stretch;
        this.phrases = phrases;
        this.listener = listener;
    }

    void run() {
        try {
            for (String phrase : phrases) {
                short[] pcm = speak(phrase);
                if (pcm == null) {
                    return;
                }
                for (int at = 0; at < pcm.length; at += CHUNK) {
                    short[] part = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + CHUNK));
                    synchronized (lock) {
                        if (cancelled) {
                            return;
                        }
                        listener.onAudio(new AudioChunk(part, FliteTtsEngine.RATE));
                    }
                }
            }
            synchronized (lock) {
                if (!cancelled) {
                    listener.onDone();
                }
            }
        } catch (Exception e) {
            synchronized (lock) {
                if (!cancelled) {
                    listener.onError(e);
                }
            }
        }
    }

    /** The phrase as PCM, or null when cancelled meanwhile. */
    private short[] speak(String phrase) throws Exception {
        Process p;
        synchronized (lock) {
            if (cancelled) {
                return null;
            }
            p = FliteCommand.speak(command, voice, stretch, phrase);
            current = p;
        }
        byte[] wav = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        synchronized (lock) {
            current = null;
            if (cancelled) {
                return null;
            }
        }
        if (exit != 0) {
            throw new IllegalStateException(command + " exited with " + exit + " speaking '" + phrase + "'");
        }
        return WavPcm.mono16(wav, FliteTtsEngine.RATE);
    }

    @Override
    public void cancel() {
        Process p;
        synchronized (lock) {
            cancelled = true;
            p = current;
        }
        if (p != null) {
            p.destroyForcibly();
        }
    }
}
