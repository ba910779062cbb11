package io.github.trailkit.rules;

/**
 * The checks of pattern values that Event Ruler makes before it compiles them: IP address literals, wildcards and CIDR
 * ranges. Each returns what is wrong (for the rule document's problem list), or the value to match.
 *
 * <pre>{@code
 * PatternValues.ipAddress("010.0.0.1");          // "10.0.0.1"
 * PatternValues.wildcardProblem("a**b");         // "wildcard \"a**b\" has two * in a row at index 2; ..."
 * }</pre>
 */
final class PatternValues {
    private PatternValues() {}

    /**
     * The address to match when {@code s} is an IP address literal, as Event Ruler decides it (four dot-separated
     * decimal numbers up to 255, leading zeros allowed; or hex digits and colons forming an IPv6 address); else null.
     */
    static String ipAddress(String s) {
        int dots = 0;
        boolean v4chars = !s.isEmpty();
        boolean v6chars = !s.isEmpty();
        boolean colon = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (c == '.') {
                dots++;
            }
            if (c == ':') {
                colon = true;
            }
            v4chars &= digit || c == '.';
            v6chars &= hex || c == ':';
        }
        if (v4chars && dots == 3) {
            StringBuilder canonical = new StringBuilder();
            int from = 0;
            for (int part = 0; part < 4; part++) {
                int to = part < 3 ? s.indexOf('.', from) : s.length();
                if (to == from) {
                    return null;
                }
                int value = 0;
                for (int i = from; i < to; i++) {
                    value = value * 10 + (s.charAt(i) - '0');
                    if (value > 255) {
                        return null;
                    }
                }
                canonical.append(part == 0 ? "" : ".").append(value);
                from = to + 1;
            }
            return canonical.toString();
        }
        if (v6chars && colon && Cidr.isAddress(s)) {
            return s;
        }
        return null;
    }

    /** What is wrong with a wildcard pattern, as Event Ruler checks it; null when it is fine. */
    static String wildcardProblem(String pattern) {
        boolean lastWasStar = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length() || (pattern.charAt(i + 1) != '*' && pattern.charAt(i + 1) != '\\')) {
                    return "wildcard " + ValueMatcher.quote(pattern) + " has an invalid escape at index " + i
                            + "; only \\* (a star) and \\\\ (a backslash) may be escaped";
                }
                i++;
                lastWasStar = false;
            } else if (c == '*') {
                if (lastWasStar) {
                    return "wildcard " + ValueMatcher.quote(pattern) + " has two * in a row at index " + i
                            + "; EventBridge allows no **, use a single *";
                }
                lastWasStar = true;
            } else {
                lastWasStar = false;
            }
        }
        return null;
    }

    /** What is wrong with a CIDR range, as Event Ruler checks it (a {@code /} is required); null when it is fine. */
    static String cidrProblem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            return "\"cidr\" expects a CIDR range with one /, such as \"10.0.0.0/24\" or \"2001:db8::/32\", found "
                    + ValueMatcher.quote(text);
        }
        byte[] address = Cidr.parseAddress(text.substring(0, slash));
        if (address == null) {
            return "\"cidr\" range " + ValueMatcher.quote(text) + " does not start with an IPv4 or IPv6 address";
        }
        String bits = text.substring(slash + 1);
        int max = address.length * 8;
        if (bits.isEmpty()
                || bits.length() > 3
                || !bits.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || Integer.parseInt(bits) > max) {
            return "\"cidr\" range " + ValueMatcher.quote(text) + " needs a prefix length from 0 to " + max
                    + " after the /";
        }
        return null;
    }
}
