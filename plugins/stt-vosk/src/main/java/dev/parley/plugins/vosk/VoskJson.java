package dev.parley.plugins.vosk;

/**
 * Reads one string field from Vosk's small result objects ({@code {"partial" : "..."}},
 * {@code {"text" : "..."}}). Vosk writes these itself, flat and well-formed, so a field scan with escape
 * decoding is enough and keeps a JSON library out of the plugin.
 */
final class VoskJson {
    private VoskJson() {
    }

    /** The value of string field {@code name}, or "" when absent. */
    static String field(String json, String name) {
        if (json == null) {
            return "";
        }
        int key = json.indexOf('"' + name + '"');
        if (key < 0) {
            return "";
        }
        int colon = json.indexOf(':', key + name.length() + 2);
        int open = colon < 0 ? -1 : json.indexOf('"', colon + 1);
        if (open < 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString().strip();
            }
            if (c == '\\' && i + 1 < json.length()) {
                char e = json.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (i + 4 < json.length()) {
                            out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
