package dev.parley.plugins.routerab;

import org.pf4j.Plugin;

/** PF4J entry point of the {@code router-ab} plugin. */
public class AbRouterPlugin extends Plugin {
}
