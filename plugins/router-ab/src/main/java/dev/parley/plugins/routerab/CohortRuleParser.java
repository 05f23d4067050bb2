package dev.parley.plugins.routerab;

import dev.parley.api.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one cohort rule. Keys (all optional, at least one condition; every given condition must match):
 * {@code user} (a key or a list of keys, exact), {@code user_prefix} (a prefix or a list), {@code header},
 * {@code query}, {@code metadata} (maps of name → value or list of values), {@code name} (label for logs), and
 * in the router-level {@code cohorts:} list, {@code variant} (the target).
 */
final class CohortRuleParser {
    private CohortRuleParser() {
    }

    /**
     * @param target the variant the rule belongs to, or null when the rule must name it with {@code variant:}
     * @param where  file and key of the rule, for errors
     */
    static CohortRule parse(Map<String, Object> raw, String target, String where) {
        Set<String> users = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        Map<String, Set<String>> headers = Map.of();
        Map<String, Set<String>> query = Map.of();
        Map<String, Set<String>> metadata = Map.of();
        String variant = target;
        String label = null;
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String key = e.getKey();
            String at = where + "." + key;
            switch (key) {
                case "user", "users" -> users.addAll(values(e.getValue(), at));
                case "user_prefix", "user_prefixes" -> prefixes.addAll(values(e.getValue(), at));
                case "header", "headers" -> headers = valueMap(e.getValue(), at, true);
                case "query" -> query = valueMap(e.getValue(), at, false);
                case "metadata" -> metadata = valueMap(e.getValue(), at, false);
                case "name" -> label = String.valueOf(e.getValue());
                case "variant" -> {
                    if (target != null) {
                        throw new ConfigException(at + ": a variant's own cohort cannot name another variant; "
                                + "remove 'variant' or move the rule to router.config.cohorts");
                    }
                    variant = String.valueOf(e.getValue());
                }
                default -> throw new ConfigException(where + ": unknown cohort key '" + key
                        + "' (known: user, user_prefix, header, query, metadata, name"
                        + (target == null ? ", variant)" : ")"));
            }
        }
        if (variant == null || variant.isBlank()) {
            throw new ConfigException(where + ".variant: missing; say which variant this cohort gets");
        }
        if (users.isEmpty() && prefixes.isEmpty() && headers.isEmpty() && query.isEmpty() && metadata.isEmpty()) {
            throw new ConfigException(where + ": a cohort needs at least one condition (user, user_prefix, "
                    + "header, query or metadata); to send everyone to a variant use weights instead");
        }
        if (label == null) {
            label = describe(users, prefixes, headers, query, metadata);
        }
        return new CohortRule(variant, label, Set.copyOf(users), List.copyOf(prefixes), headers, query, metadata);
    }

    private static String describe(Set<String> users, List<String> prefixes, Map<String, Set<String>> headers,
                                   Map<String, Set<String>> query, Map<String, Set<String>> metadata) {
        List<String> parts = new ArrayList<>();
        if (!users.isEmpty()) {
            parts.add("user=" + String.join("|", users));
        }
        if (!prefixes.isEmpty()) {
            parts.add("user_prefix=" + String.join("|", prefixes));
        }
        headers.forEach((k, v) -> parts.add("header." + k + "=" + String.join("|", v)));
        query.forEach((k, v) -> parts.add("query." + k + "=" + String.join("|", v)));
        metadata.forEach((k, v) -> parts.add("metadata." + k + "=" + String.join("|", v)));
        return String.join(",", parts);
    }

    private static Map<String, Set<String>> valueMap(Object value, String where, boolean lowerCaseNames) {
        Map<String, Object> raw = AbRouterConfigParser.asMap(value, where);
        if (raw.isEmpty()) {
            throw new ConfigException(where + ": empty; name at least one key and its value(s)");
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(lowerCaseNames ? k.toLowerCase(Locale.ROOT) : k, values(v, where + "." + k)));
        return Collections.unmodifiableMap(out); // keeps YAML order, so labels are stable across restarts
    }

    private static Set<String> values(Object value, String where) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                out.add(scalar(o, where));
            }
        } else {
            out.add(scalar(value, where));
        }
        if (out.isEmpty()) {
            throw new ConfigException(where + ": empty list; give at least one value");
        }
        return out;
    }

    private static String scalar(Object o, String where) {
        if (o == null || o instanceof Map<?, ?> || o instanceof List<?> || o.toString().isEmpty()) {
            throw new ConfigException(where + ": expected a text value or a list of them, got "
                    + (o == null ? "nothing" : "'" + o + "'"));
        }
        return o.toString();
    }
}
