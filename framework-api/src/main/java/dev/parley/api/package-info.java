/**
 * The Parley component SPI. A plugin implements one of the provider extension points
 * ({@link dev.parley.api.stt.SttProvider}, {@link dev.parley.api.vad.VadProvider},
 * {@link dev.parley.api.turn.TurnDetectorProvider}, {@link dev.parley.api.llm.LlmProvider},
 * {@link dev.parley.api.tts.TtsProvider}, {@link dev.parley.api.router.RouterProvider},
 * {@link dev.parley.api.denoise.DenoiseProvider}); the provider creates a
 * shared engine from the stage's YAML config, and the engine opens push-based, cancellable per-session streams.
 * Audio crosses the SPI only as {@link dev.parley.api.audio.AudioChunk}: PCM16 mono with its rate stated.
 */
package dev.parley.api;
