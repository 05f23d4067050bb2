/**
 * Audio conversions between the OpenAI Realtime wire formats and the PCM16 the components speak:
 * {@link dev.parley.runtime.audio.WireCodec} (pcm16 little-endian, G.711 μ-law and A-law through lookup tables
 * computed from the JDK's javax.sound codecs) and {@link dev.parley.runtime.audio.StreamingResampler} (a chunked
 * polyphase FIR resampler whose Kaiser-window anti-aliasing filters are designed with jDSP, ~60 dB stop band,
 * time-aligned output). Tests: {@code WireCodecTest}, {@code ResamplerQualityTest}.
 */
package dev.parley.runtime.audio;
