package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.MissingResourceException;
import dev.parley.api.context.ComponentContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of the {@code silero} VAD, from a pipeline's {@code vad:} stage. Keys:
 * <ul>
 *   <li>{@code model_path} — the Silero v5 ONNX file; default {@code <parley home>/build/models/silero_vad_v5.onnx},
 *       where the launcher's prerequisite step ({@code scripts/prereqs.d/silero.sh}) puts it;</li>
 *   <li>{@code intra_op_threads} = 1 — onnxruntime threads per inference; one is fastest for a 512-sample frame
 *       and leaves the cores to other sessions.</li>
 * </ul>
 * The runtime's {@code min_speech_ms} / {@code hangover_ms} sit in the same stage and are not read here.
 *
 * @param modelPath      existing, readable model file
 * @param intraOpThreads onnxruntime intra-op threads, ≥ 1
 */
public record SileroVadConfig(Path modelPath, int intraOpThreads) {
    static final String MODEL_FILE = "build/models/silero_vad_v5.onnx";

    /** {@link #from(ComponentConfig, Path)} with the {@link ComponentContext#defaultHome() default home}. */
    public static SileroVadConfig from(ComponentConfig c) {
        return from(c, ComponentContext.defaultHome());
    }

    /**
     * Reads and checks the stage config; a missing model is a {@link ConfigException} saying how to get it.
     *
     * @param home the Parley home ({@link ComponentContext#home()}), under which the default model lies
     */
    public static SileroVadConfig from(ComponentConfig c, Path home) {
        Path model = c.path("model_path").orElseGet(() -> home.resolve(MODEL_FILE));
        int threads = c.integer("intra_op_threads", 1);
        if (threads < 1 || threads > 64) {
            throw new ConfigException(c.source() + ": key 'intra_op_threads' must be between 1 and 64, got "
                    + threads);
        }
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            String message = c.source() + ": Silero VAD model not found at " + model.toAbsolutePath()
                    + (c.has("model_path") ? " (key 'model_path')" : " (default; set 'model_path' to override)")
                    + ". Run ./parley serve or ./parley test, which fetch it (scripts/prereqs.d/silero.sh).";
            // the default not fetched yet is this machine's state; a path the file names is the file's error
            throw c.has("model_path") ? new ConfigException(message) : new MissingResourceException(message);
        }
        return new SileroVadConfig(model, threads);
    }
}
