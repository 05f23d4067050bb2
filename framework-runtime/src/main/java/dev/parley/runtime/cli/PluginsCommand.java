package dev.parley.runtime.cli;

import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.plugins.PluginSummary;
import dev.parley.runtime.plugins.RegisteredProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parley plugins}: every provider (kind, id, plugin, version, description), then every plugin that provides
 * nothing or failed to start, so a missing component is explained. {@code --describe ID} prints the config keys of
 * the provider(s) named {@code ID} instead.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every component provider and the plugin it comes from.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    PluginsDirOption plugins;

    @Option(names = "--describe", paramLabel = "ID",
            description = "Print the config keys of provider ID (name, type, default, meaning).")
    String describe;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedComponents loaded = plugins.load();
        PrintWriter out = spec.commandLine().getOut();
        if (describe != null) {
            return describe(loaded, out);
        }
        Table table = new Table("KIND", "ID", "PLUGIN", "VERSION", "DESCRIPTION");
        for (RegisteredProvider p : loaded.registry().all()) {
            table.row(p.kind().yamlKey(), p.id(), p.origin().pluginId(), p.origin().version(), p.description());
        }
        for (PluginSummary plugin : loaded.plugins()) {
            boolean providesSomething = loaded.registry().all().stream()
                    .anyMatch(p -> p.origin().pluginId().equals(plugin.id()));
            if (!plugin.started()) {
                table.row("-", "-", plugin.id(), plugin.version(), plugin.state() + ": " + plugin.failure());
            } else if (!providesSomething) {
                table.row("-", "-", plugin.id(), plugin.version(), "(no providers yet) " + plugin.description());
            }
        }
        table.print(out);
        out.println(loaded.registry().all().size() + " provider(s) from " + loaded.plugins().size()
                + " plugin(s) in " + loaded.pluginsDir() + " and the runtime's built-ins");
        out.flush();
        return ExitCodes.OK;
    }

    private Integer describe(LoadedComponents loaded, PrintWriter out) {
        List<RegisteredProvider> named = loaded.registry().all().stream().filter(p -> p.id().equals(describe)).toList();
        if (named.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("no provider '" + describe + "'; `parley plugins` lists them");
            err.flush();
            return ExitCodes.CONFIG;
        }
        for (RegisteredProvider p : named) {
            ProviderDescription.print(p, out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
