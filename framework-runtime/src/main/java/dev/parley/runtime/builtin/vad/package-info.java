/**
 * The built-in {@code energy} VAD (no model): {@link dev.parley.runtime.builtin.vad.EnergyVadProvider}, registered
 * through {@link java.util.ServiceLoader}. It scores each 16 kHz frame by its level above an adaptive noise floor
 * and by its pitch periodicity, calibrated so that the protocol's default threshold 0.5 means "clearly above the
 * background and voiced". Config keys and defaults: {@link dev.parley.runtime.builtin.vad.EnergyVadConfig}.
 */
package dev.parley.runtime.builtin.vad;
