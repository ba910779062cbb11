package io.github.trailkit.lambda.internal.sinks;

/** UTF-8 sizes without encoding. */
public final class Utf8 {
    private Utf8() {}

    /** The number of bytes {@code s} takes in UTF-8 (an unpaired surrogate counts 3, the most any encoder makes of it). */
    public static long length(CharSequence s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
