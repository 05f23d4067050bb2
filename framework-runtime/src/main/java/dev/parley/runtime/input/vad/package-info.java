/**
 * From per-frame speech probabilities to speech onset and offset: {@link dev.parley.runtime.input.vad.SpeechSegmenter}
 * and its timings from a pipeline's {@code vad:} stage, {@link dev.parley.runtime.input.vad.VadTiming}. The
 * detectors themselves are components (built-in energy VAD in {@code dev.parley.runtime.builtin.vad}, Silero as a
 * plugin).
 */
package dev.parley.runtime.input.vad;
