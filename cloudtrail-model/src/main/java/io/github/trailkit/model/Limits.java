package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.trailkit.model.internal.JacksonSupport;
import io.github.trailkit.model.internal.Json;

/** Applies {@link ReadLimits}: Jackson's constraints for what Jackson checks, texts for what a hit says. */
final class Limits {
    /** Levels of nesting around a record that do not count against its depth: the root object and the array. */
    private static final int ENVELOPE_DEPTH = 2;

    private Limits() {}

    /** The parser factory for these limits. */
    public static JsonFactory factory(ReadLimits limits) {
        return Json.readFactory(JacksonSupport.documentLength(
                        StreamReadConstraints.builder()
                                .maxNestingDepth(limits.maxNestingDepth() + ENVELOPE_DEPTH)
                                .maxStringLength(limits.maxStringLength())
                                .maxNumberLength(limits.maxNumberLength()),
                        limits.maxTotalBytes())
                .build());
    }

    /**
     * A factory like {@link #factory(ReadLimits)} without nesting depth, total size and duplicate checks: for reading
     * again, from its start, a payload the reader passed over (see {@code LimitedParser.skipAndCapture}).
     */
    static JsonFactory replayFactory(ReadLimits limits) {
        return JsonFactory.builder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES) // (canonical names keep it a UTF-8 byte parser)
                .streamReadConstraints(JacksonSupport.documentLength(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(Integer.MAX_VALUE)
                                        .maxStringLength(limits.maxStringLength())
                                        .maxNumberLength(limits.maxNumberLength()),
                                -1)
                        .build())
                .build();
    }

    /** The reason text for a limit hit: what went over, the limit, its value and how to change it. */
    public static String reason(ReadLimits.Limit limit, long value, String what) {
        if (limit == ReadLimits.Limit.NAME_TABLE) {
            return what + " (limit " + limit.setting() + ": a fixed guard of the JSON parser)";
        }
        String how = limit == ReadLimits.Limit.NAME_LENGTH
                ? "a fixed limit"
                : "raise it with ReadLimits.builder()." + limit.setting() + "(...)";
        return what + " (limit " + limit.setting() + " = " + value + "; " + how + ")";
    }

    /** Which limit a Jackson constraint violation is about (Jackson names the getter of the constraint). */
    public static ReadLimits.Limit of(StreamConstraintsException e) {
        // 2.16 and later name the getter; 2.15 only says what went over ("Depth (..) exceeds the maximum allowed
        // nesting depth", "String length (..) exceeds ...", "Number length (..) exceeds ...")
        String m = String.valueOf(e.getMessage());
        if (m.contains("getMaxNestingDepth") || m.contains("nesting depth")) {
            return ReadLimits.Limit.NESTING_DEPTH;
        } else if (m.contains("getMaxStringLength") || m.startsWith("String length")) {
            return ReadLimits.Limit.STRING_LENGTH;
        } else if (m.contains("getMaxNumberLength")
                || m.startsWith("Number length")
                || m.startsWith("Number value length")) {
            return ReadLimits.Limit.NUMBER_LENGTH;
        } else if (m.contains("getMaxNameLength") || m.startsWith("Name length")) {
            return ReadLimits.Limit.NAME_LENGTH;
        } else if (m.contains("symbol table") || m.contains("FAIL_ON_SYMBOL_HASH_OVERFLOW")) {
            return ReadLimits.Limit.NAME_TABLE; // ByteQuadsCanonicalizer's collision guard, no constraint getter
        }
        return ReadLimits.Limit.TOTAL_BYTES; // getMaxDocumentLength, the only other constraint set
    }

    /** What went over a Jackson-enforced limit, in the reader's words. */
    public static String what(ReadLimits.Limit limit) {
        switch (limit) {
            case NESTING_DEPTH:
                return "objects and arrays are nested too deep";
            case STRING_LENGTH:
                return "a string is too long";
            case NUMBER_LENGTH:
                return "a number is too long";
            case NAME_LENGTH:
                return "a member name is too long";
            case NAME_TABLE:
                return "too many member names collide in the JSON parser's name table (names chosen to collide?)";
            default:
                return "the input is too large";
        }
    }
}
