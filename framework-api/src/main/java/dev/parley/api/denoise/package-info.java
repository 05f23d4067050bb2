/**
 * Noise suppression before VAD and STT: the {@code denoise} stage that {@code audio.input.noise_reduction}
 * ({@code near_field}, {@code far_field}) turns on per session.
 */
package dev.parley.api.denoise;
