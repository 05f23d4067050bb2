package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import org.pf4j.Extension;

/** The VAD {@code silero}: Silero VAD v5 on onnxruntime, 512-sample frames at 16 kHz. Keys: {@link SileroVadConfig}. */
@Extension
public class SileroVadProvider implements VadProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("model_path", ConfigType.PATH, "<home>/build/models/silero_vad_v5.onnx",
                    "the Silero v5 ONNX file")
            .key("intra_op_threads", ConfigType.INTEGER, "1",
                    "onnxruntime intra-op threads, 1..64")
            .build();

    @Override
    public String id() {
        return "silero";
    }

    @Override
    public String description() {
        return "Silero VAD v5 (ONNX) on onnxruntime, 32 ms frames at 16 kHz";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        SileroVadConfig.from(config, context.home());
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
