package dev.parley.runtime.cli;

import dev.parley.api.ConfigKey;
import dev.parley.api.ConfigSpec;
import dev.parley.runtime.pipeline.RuntimeStageKeys;
import dev.parley.runtime.plugins.RegisteredProvider;

import java.io.PrintWriter;

/** {@code parley plugins --describe ID}: one provider's config keys, then the keys the runtime reads in its stage. */
final class ProviderDescription {
    private ProviderDescription() {
    }

    static void print(RegisteredProvider p, PrintWriter out) {
        out.println(p.kind().yamlKey() + " provider '" + p.id() + "' from " + p.origin().label()
                + (p.description().isEmpty() ? "" : ": " + p.description()));
        ConfigSpec spec = p.provider().configSpec();
        Table table = new Table("KEY", "TYPE", "DEFAULT", "DESCRIPTION");
        if (spec == null || !spec.declared()) {
            out.println("  declares no config keys: any key is accepted and none is checked");
        } else if (spec.keys().isEmpty()) {
            out.println("  reads no config keys of its own");
        }
        if (spec != null) {
            spec.keys().forEach(k -> row(table, k, ""));
        }
        RuntimeStageKeys.of(p.kind()).keys().forEach(k -> row(table, k, " (runtime, every " + p.kind().yamlKey()
                + " stage)"));
        table.print(out);
    }

    private static void row(Table table, ConfigKey k, String suffix) {
        table.row(k.name(), k.type().label(), k.defaultValue(), k.description() + suffix);
    }
}
