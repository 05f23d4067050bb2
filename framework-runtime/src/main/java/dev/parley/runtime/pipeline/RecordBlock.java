package dev.parley.runtime.pipeline;

import dev.parley.runtime.recording.RecordSettings;

/** The pipeline's optional {@code record: {dir, keep_days, max_mb}} block (session recording). */
public final class RecordBlock {
    private RecordBlock() {
    }

    /** The recording settings {@code definition} asks for, the process environment expanded; null without a block. */
    public static RecordSettings of(PipelineDefinition definition) {
        return of(definition, EnvInterpolator.system());
    }

    /** As {@link #of(PipelineDefinition)}, expanding placeholders from {@code env} (the one it was parsed with). */
    public static RecordSettings of(PipelineDefinition definition, EnvInterpolator env) {
        YamlDocument doc = definition.document();
        if (!(doc.root() instanceof java.util.Map<?, ?> top)) {
            return null;
        }
        return read(new TreeResolver(doc, env), top.get("record"));
    }

    static RecordSettings read(TreeResolver resolver, Object block) {
        if (block == null) {
            return null;
        }
        return RecordSettings.fromYaml(resolver.map(block, "record"), resolver.document().at("record"));
    }
}
