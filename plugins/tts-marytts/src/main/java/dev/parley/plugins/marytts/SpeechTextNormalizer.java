package dev.parley.plugins.marytts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns LLM-style text into text meant to be heard: markdown markup is dropped (keeping the words), links keep
 * their label, bare URLs are read as their domain, emoji disappear and symbols become words. MaryTTS would
 * otherwise spell out asterisks, hashes and URL punctuation. Pure and thread-safe.
 */
public final class SpeechTextNormalizer {
    private static final Pattern CODE_FENCE = Pattern.compile("```[^\\n]*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile(
            "\\b(?:https?://|www\\.)([\\w-]+(?:\\.[\\w-]+)+)(?::\\d+)?(?:[/?#][^\\s)\\]>]*?)?(?=[.,;:!?]*(?:\\s|$|[)\\]>]))", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("\\b([\\w.+-]+)@([\\w-]+(?:\\.[\\w-]+)+)\\b");
    private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?m)^\\s*>+\\s?");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_=])(?:\\s*\\1){2,}\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern TABLE_EDGE = Pattern.compile("(?m)^[ \\t]*\\|[ \\t]*|[ \\t]*\\|[ \\t]*$");
    private static final Pattern EMPHASIS = Pattern.compile("(?<!\\w)(\\*{1,3}|_{1,3}|~~)(?=\\S)(.+?)(?<=\\S)\\1(?!\\w)");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern CURRENCY = Pattern.compile("([$€£])\\s?(\\d[\\d,]*)(?:\\.(\\d+))?");
    private static final Pattern NUMBER_SIGN = Pattern.compile("#(?=\\d)");
    private static final Pattern SLASH_BETWEEN_WORDS = Pattern.compile("(?<=[A-Za-z])/(?=[A-Za-z])");
    private static final Pattern EMOJI = Pattern.compile(
            "[\\p{IsExtended_Pictographic}\\x{1F1E6}-\\x{1F1FF}\\x{1F3FB}-\\x{1F3FF}\\x{FE0E}\\x{FE0F}\\x{200D}\\x{20E3}]");
    private static final Pattern LINE_END = Pattern.compile("(?<=[\\p{L}\\p{N}])[ \\t]*\\n+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.;:!?])");
    private static final Pattern REPEATED_PUNCT = Pattern.compile("([,;:])(?:\\s*[,;:.])+");

    /** Symbols read as words, in the order they are replaced (longer first). */
    private static final List<String[]> SYMBOL_WORDS = List.of(
            new String[] {"->", " to "}, new String[] {"=>", " to "}, new String[] {"→", " to "},
            new String[] {"&", " and "}, new String[] {"%", " percent "}, new String[] {"@", " at "},
            new String[] {"+", " plus "}, new String[] {"=", " equals "}, new String[] {"°", " degrees "},
            new String[] {"×", " times "}, new String[] {"…", "..."}, new String[] {"—", ", "}, new String[] {"|", ", "},
            new String[] {"©", " copyright "}, new String[] {"®", ""}, new String[] {"™", ""});
    /** Marks with no spoken form; dropped. */
    private static final Pattern UNSPOKEN = Pattern.compile("[*_#~^`\\\\<>\\[\\]{}/]");

    /** @return the text to speak; empty when nothing speakable remains */
    public String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.replace("\r\n", "\n");
        s = CODE_FENCE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = IMAGE.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = URL.matcher(s).replaceAll(m -> Matcher.quoteReplacement(spokenDomain(m.group(1))));
        s = EMAIL.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).replace('.', ' ') + " at " + spokenDomain(m.group(2))));
        s = RULE.matcher(s).replaceAll("");
        s = TABLE_SEPARATOR.matcher(s).replaceAll("");
        s = TABLE_EDGE.matcher(s).replaceAll("");
        s = HEADING.matcher(s).replaceAll("");
        s = BLOCKQUOTE.matcher(s).replaceAll("");
        s = BULLET.matcher(s).replaceAll("");
        s = INLINE_CODE.matcher(s).replaceAll("$1");
        for (int i = 0; i < 2; i++) { // twice: emphasis nests (***both*** or **_x_**)
            s = EMPHASIS.matcher(s).replaceAll("$2");
        }
        s = CURRENCY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(money(m.group(1), m.group(2), m.group(3))));
        s = NUMBER_SIGN.matcher(s).replaceAll("number ");
        s = SLASH_BETWEEN_WORDS.matcher(s).replaceAll(" or ");
        s = EMOJI.matcher(s).replaceAll("");
        for (String[] sw : SYMBOL_WORDS) {
            s = s.replace(sw[0], sw[1]);
        }
        s = UNSPOKEN.matcher(s).replaceAll(" ");
        // A line break after a word ends a list item or heading: make it a pause rather than run words together.
        s = LINE_END.matcher(s).replaceAll(". ");
        s = SPACES.matcher(s).replaceAll(" ");
        s = SPACE_BEFORE_PUNCT.matcher(s).replaceAll("$1");
        s = REPEATED_PUNCT.matcher(s).replaceAll("$1");
        s = s.strip();
        return s.matches("[\\p{Punct}\\s]*") ? "" : s;
    }

    /** {@code www.example.co.uk} → {@code example dot co dot uk}. */
    private static String spokenDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("www.")) {
            h = h.substring(4);
        }
        return h.replace(".", " dot ");
    }

    /** {@code $5.99} → "5 dollars and 99 cents", {@code £1} → "1 pound", {@code €2.5} → "2.5 euros". */
    private static String money(String symbol, String whole, String fraction) {
        String[] units = switch (symbol) {
            case "$" -> new String[] {"dollar", "dollars", "cent", "cents"};
            case "€" -> new String[] {"euro", "euros", "cent", "cents"};
            default -> new String[] {"pound", "pounds", "penny", "pence"};
        };
        if (fraction != null && fraction.length() != 2) {
            return whole + "." + fraction + " " + units[1];
        }
        String main = whole + " " + (whole.equals("1") ? units[0] : units[1]);
        if (fraction == null || fraction.equals("00")) {
            return main;
        }
        int minor = Integer.parseInt(fraction);
        return main + " and " + minor + " " + (minor == 1 ? units[2] : units[3]);
    }
}
