package io.github.trailkit.model;

/**
 * Text from a log, a file name or an object key made safe to print on one line: every character that could end the
 * line, move the cursor, drive a terminal or reorder what a reader sees is written as an escape instead.
 *
 * <p>Escaped are the C0 controls ({@code \n}, {@code \r} and {@code \t} as such, the others as a backslash, {@code u}
 * and four hex digits, as JSON writes them), DEL, the C1 controls (U+0080 to U+009F, among them the one-byte CSI U+009B), the line and
 * paragraph separators U+2028 and U+2029, the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E,
 * U+2066 to U+2069) and unpaired surrogates. Every escape is a JSON escape, and none of these characters can appear
 * raw outside a string in JSON text, so escaping a line of JSON gives the same JSON value: the command line, the
 * Lambda handler's log and its notifications run every line they write through {@link #escape(CharSequence)},
 * whether it is a diagnostic in words or a JSON document. A backslash is left as it is.
 *
 * <pre>{@code
 * String name = "a\nscanned 0 files.json";
 * System.err.println("cannot read " + SafeText.escape(name)); // cannot read a\nscanned 0 files.json, on one line
 * }</pre>
 */
public final class SafeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {}

    /** {@code text} with every unsafe character escaped; the same string when there is none. */
    public static String escape(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII, almost every character of a log: one test
                i++;
                continue;
            }
            if (unsafe(c) || (Character.isSurrogate(c) && unpaired(text, i))) {
                break;
            }
            i += Character.isHighSurrogate(c) ? 2 : 1;
        }
        if (i >= n) {
            return text.toString();
        }
        StringBuilder sb = new StringBuilder(n + 16);
        sb.append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (unpaired(text, i)) {
                    hex(sb, c);
                } else {
                    sb.append(c).append(text.charAt(++i));
                }
            } else if (!unsafe(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                hex(sb, c);
            }
        }
        return sb.toString();
    }

    /**
     * Whether {@link #escape(CharSequence)} escapes this character wherever it stands (surrogates are escaped only when
     * unpaired).
     */
    public static boolean unsafe(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c < 0x61c) {
            return false;
        }
        return c == 0x061c
                || c == 0x200e
                || c == 0x200f
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean unpaired(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        // a low surrogate reached on its own: a pair's low half is consumed with its high half
        return true;
    }

    private static void hex(StringBuilder sb, char c) {
        sb.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
