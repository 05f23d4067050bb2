package dev.parley.api.denoise;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for noise suppressors: the pipeline's optional {@code denoise} stage. */
public interface DenoiseProvider extends ComponentProvider<DenoiseEngine> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.DENOISE;
    }
}
