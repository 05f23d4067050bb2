package dev.parley.runtime.pipeline;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in pipeline strings from the environment, as a shell
 * would: the default applies when the variable is unset or empty, and may itself contain placeholders.
 * {@code $${} writes a literal {@code ${}. {@code ${NAME}} with NAME unset is an error, so a required secret is
 * never silently empty.
 */
public final class EnvInterpolator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> env;

    /** @param env variable lookup; returns null for an unset variable */
    public EnvInterpolator(Function<String, String> env) {
        this.env = env;
    }

    /** Reads the process environment. */
    public static EnvInterpolator system() {
        return new EnvInterpolator(System::getenv);
    }

    /** True when {@code text} has a placeholder (or an escaped one) to expand. */
    public static boolean hasPlaceholder(String text) {
        return text.contains("${");
    }

    /**
     * @return {@code text} with every placeholder expanded
     * @throws IllegalArgumentException saying which placeholder is wrong and how to fix it
     */
    public String interpolate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int close = matchingBrace(text, i + 2);
                out.append(expand(text.substring(i + 2, close)));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String expand(String body) {
        int sep = body.indexOf(":-");
        String name = sep < 0 ? body : body.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad placeholder '${" + body + "}': write ${NAME} or ${NAME:-default}"
                    + " where NAME is letters, digits and underscores");
        }
        String value = env.apply(name);
        if (sep >= 0) {
            return value == null || value.isEmpty() ? interpolate(body.substring(sep + 2)) : value;
        }
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + " is not set and has no default;"
                    + " set it or write ${" + name + ":-default}");
        }
        return value;
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated placeholder '" + text.substring(from - 2)
                + "': a '}' is missing");
    }
}
