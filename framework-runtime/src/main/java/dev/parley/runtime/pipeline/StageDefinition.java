package dev.parley.runtime.pipeline;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;

/**
 * One stage of a parsed pipeline, not yet instantiated.
 *
 * @param kind     which stage
 * @param provider the provider id to look up in the registry
 * @param config   the stage's expanded {@code config:} block; its source reads like
 *                 {@code pipelines/default.yaml:14 stages.stt.config}
 * @param source   where the stage was declared, e.g. {@code pipelines/default.yaml:13 stages.stt}
 */
public record StageDefinition(ComponentKind kind, String provider, ComponentConfig config, String source) {
}
