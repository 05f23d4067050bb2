package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import org.pf4j.Extension;

/** The VAD {@code silero}: Silero VAD v5 on onnxruntime, 512-sample frames at 16 kHz. Keys: {@link SileroVadConfig}. */
@Extension
public class SileroVadProvider implements VadProvider {
    @Override
    public String id() {
        return "silero";
    }

    @Override
    public String description() {
        return "Silero VAD v5 (ONNX) on onnxruntime, 32 ms frames at 16 kHz";
    }

    /** The model is looked up under the context's home unless {@code model_path} names it. */
    @Override
    public VadEngine create(ComponentConfig config, ComponentContext context) {
        return new SileroVadEngine(SileroVadConfig.from(config, context.home()));
    }

    @Override
    public VadEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }
}
