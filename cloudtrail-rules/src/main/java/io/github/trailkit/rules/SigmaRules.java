package io.github.trailkit.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.trailkit.rules.internal.logic.Expr;
import io.github.trailkit.rules.internal.match.Glob;
import io.github.trailkit.rules.internal.match.RegexSize;
import io.github.trailkit.rules.internal.sigma.SigmaCondition;
import io.github.trailkit.rules.internal.yaml.RuleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads <a href="https://sigmahq.io">Sigma</a> rules for CloudTrail ({@code logsource: product: aws, service:
 * cloudtrail}) as trailkit {@link Rule}s, unchanged.
 *
 * <pre>{@code
 * Rule rule = SigmaRules.read(Path.of("rules/aws_cloudtrail_disable_logging.yml"));
 * RuleSet set = RuleSet.builder().add(rule).add(RulePacks.cisAwsFoundations()).build();
 * }</pre>
 *
 * <p>What is read: field names as dotted paths into the record ({@code userIdentity.arn},
 * {@code requestParameters.containerDefinitions.command}; arrays on the way are searched element by element); a list of
 * values means any of them; a list of maps means any of the maps; the modifiers {@code contains}, {@code startswith},
 * {@code endswith}, {@code all}, {@code re} (RE2 syntax, searched anywhere in the value, case-sensitive; with
 * {@code re|i}, {@code re|m}, {@code re|s} flags), {@code cidr}, {@code exists}, {@code fieldref} (a value of the field
 * equals, ignoring case unless {@code cased}, a value of the field named; several names: any, with {@code all}: each)
 * and {@code cased}; {@code null} for a
 * field that is absent or null; conditions with {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of x*},
 * {@code all of x*}, {@code 1 of them} and {@code all of them}. Values match case-insensitively (unless {@code cased}),
 * with {@code *} and {@code ?} as wildcards and {@code \} as escape; numbers, booleans and objects in the record are
 * compared as their JSON text. {@code level} becomes the {@link Severity} ({@code informational} is {@code INFO});
 * {@code id} becomes the rule id (characters outside the id alphabet replaced by {@code -}; the file name when there is
 * no id), and {@code title}, {@code description} (with the author, as the Detection Rule License asks) and
 * {@code tags} (whose {@code attack.*} ones are the rule's {@link
 * Rule#attackTactics()} and {@link Rule#attackTechniques()}) and {@code references} are kept.
 *
 * <p>What is refused, with a {@link RuleDocumentException} naming the file, line and what is unsupported: other
 * log sources, aggregations ({@code | count() ...}) and {@code timeframe}, correlation rules and multi-document files,
 * keyword lists without field names, {@code N of} with N other than 1, and modifiers not listed above (such as
 * {@code base64}, {@code windash}, {@code lt}). Nothing is silently evaluated differently.
 *
 * <p>Bounds, each refused with a {@link RuleDocumentException}: the rule documents' size, encoding, nesting and
 * string-length limits ({@link RuleDocuments#MAX_DOCUMENT_BYTES}, strict UTF-8, {@link
 * RuleDocuments#MAX_NESTING_DEPTH}, {@link RuleDocuments#MAX_STRING_LENGTH}); YAML anchors, aliases and duplicate keys;
 * a {@code re} (or a value with {@code ?}, matched as a regular expression) whose RE2J program would be over
 * {@link #MAX_REGEX_PROGRAM_SIZE} instructions; a condition with parentheses nested deeper than {@link
 * #MAX_CONDITION_DEPTH}. Values without {@code ?} match in time linear in the value.
 */
public final class SigmaRules {
    /** The largest RE2J program compiled for a {@code re}, in instructions, as estimated before compiling. */
    public static final int MAX_REGEX_PROGRAM_SIZE = RegexSize.MAX_PROGRAM_SIZE;
    /** The deepest nesting of parentheses in a {@code condition}. */
    public static final int MAX_CONDITION_DEPTH = SigmaCondition.MAX_PARENTHESES_DEPTH;

    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");

    private SigmaRules() {}

    /** Reads the Sigma rule in {@code file}. */
    public static Rule read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /**
     * Reads a Sigma rule from {@code in}; {@code source} names it in messages (a file name, a resource name).
     *
     * @throws RuleDocumentException when the rule is invalid or uses something this reader does not support
     */
    public static Rule read(InputStream in, String source) {
        YamlValues.Document doc;
        try {
            doc = YamlValues.read(in);
        } catch (YamlValues.SyntaxError e) {
            throw problem(
                    source,
                    Math.max(1, e.line),
                    Math.max(1, e.column),
                    e.syntax ? "not valid YAML: " + e.getMessage() : e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
        return new Reader(source, doc).rule();
    }

    /**
     * True when {@code file} holds a YAML map with {@code logsource} and {@code detection}: a Sigma rule. Reads at most
     * {@link RuleDocuments#MAX_DOCUMENT_BYTES} + 1 bytes (a larger file or an endless stream is no Sigma rule: the rule
     * document reader then refuses it for its size) and stops at the first top-level keys that tell; a file that
     * cannot be read is no Sigma rule either (the reader that is then used reports why).
     */
    public static boolean isSigmaRule(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = RuleText.readBounded(in);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return isSigmaRule(bytes);
    }

    /**
     * True when {@code content}, a file's bytes, is a YAML map with {@code logsource} and {@code detection}: a Sigma
     * rule. Content over {@link RuleDocuments#MAX_DOCUMENT_BYTES} is no Sigma rule (the rule document reader then
     * refuses it for its size). Read a file once and hand the same bytes to the reader it names:
     *
     * <pre>{@code
     * byte[] bytes = in.readNBytes(RuleDocuments.MAX_DOCUMENT_BYTES + 1);
     * List<Rule> rules = SigmaRules.isSigmaRule(bytes)
     *         ? List.of(SigmaRules.read(new ByteArrayInputStream(bytes), name))
     *         : RuleDocuments.read(new ByteArrayInputStream(bytes), name);
     * }</pre>
     */
    public static boolean isSigmaRule(byte[] content) {
        if (RuleText.sizeRefusal(content) != null) {
            return false;
        }
        String text = RuleText.decodeLeniently(content);
        try {
            RuleText.checkYamlRuns(text);
        } catch (RuleText.Refusal r) {
            return false;
        }
        boolean logsource = false;
        boolean detection = false;
        try (JsonParser p = RuleText.YAML.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                logsource |= "logsource".equals(p.currentName());
                detection |= "detection".equals(p.currentName());
                if (logsource && detection) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static RuleDocumentException problem(String source, int line, int column, String message) {
        return new RuleDocumentException(List.of(RuleDocumentProblem.of(source, line, column, message)));
    }

    private static final class Reader {
        private final String source;
        private final YamlValues.Document doc;
        private int line = 1;

        Reader(String source, YamlValues.Document doc) {
            this.source = source;
            this.doc = doc;
        }

        private RuleDocumentException unsupportedModifier(String selection, String modifier, String key) {
            return fail("in " + selection + ": the modifier \"" + modifier + "\" (field " + key
                    + ") is not supported; supported are contains, startswith, endswith, all, re, cidr, exists, cased");
        }

        private RuleDocumentException fail(String message) {
            return problem(source, line, 1, message);
        }

        private int lineOf(Object value) {
            if (value instanceof YamlValues.Scalar s) {
                return s.line();
            }
            int l = doc.lineOf(value);
            return l > 0 ? l : line;
        }

        @SuppressWarnings("unchecked")
        Rule rule() {
            if (!(doc.root instanceof Map)) {
                throw fail("a Sigma rule is a YAML map with title, logsource and detection");
            }
            Map<String, Object> top = (Map<String, Object>) doc.root;
            line = lineOf(top);
            if (top.containsKey("correlation")) {
                throw fail("Sigma correlation rules are not supported; trailkit evaluates one record at a time");
            }
            if (doc.moreDocuments) {
                throw fail("more than one YAML document (a rule collection or correlation) is not supported; "
                        + "put one Sigma rule in each file");
            }
            Object logsource = top.get("logsource");
            if (!(logsource instanceof Map)) {
                throw fail("a Sigma rule needs a logsource map");
            }
            Map<String, Object> ls = (Map<String, Object>) logsource;
            line = lineOf(ls);
            String product = text(ls.get("product"));
            String service = text(ls.get("service"));
            if (!"aws".equalsIgnoreCase(product)
                    || !"cloudtrail".equalsIgnoreCase(service)
                    || ls.containsKey("category")) {
                throw fail("only logsource product: aws, service: cloudtrail is supported, found " + describe(ls));
            }
            Object detection = top.get("detection");
            if (!(detection instanceof Map)) {
                line = lineOf(top);
                throw fail("a Sigma rule needs a detection map");
            }
            Map<String, Object> det = (Map<String, Object>) detection;
            line = lineOf(det);
            if (det.containsKey("timeframe")) {
                throw fail(
                        "timeframe (an aggregation window) is not supported; trailkit evaluates one record at a time");
            }
            Object conditionValue = det.get("condition");
            if (conditionValue == null) {
                throw fail("detection has no condition");
            }
            Map<String, Condition> selections = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : det.entrySet()) {
                if (!e.getKey().equals("condition")) {
                    selections.put(e.getKey(), selection(e.getKey(), e.getValue()));
                }
            }
            List<Condition> conditions = new ArrayList<>();
            List<Object> conditionTexts =
                    conditionValue instanceof List ? (List<Object>) conditionValue : List.of(conditionValue);
            for (Object c : conditionTexts) {
                line = lineOf(c);
                try {
                    conditions.add(convert(SigmaCondition.parse(text(c)), selections));
                } catch (SigmaCondition.Unsupported u) {
                    throw fail(u.getMessage());
                }
            }
            line = lineOf(top);
            String title = text(top.get("title"));
            String id = text(top.get("id"));
            Rule.Builder b = Rules.rule(ruleId(id))
                    .title(title == null ? ruleId(id) : title)
                    .severity(severity(top.get("level")))
                    .when(Rules.anyOf(conditions));
            String description = text(top.get("description"));
            String author = text(top.get("author"));
            StringBuilder d = new StringBuilder(description == null ? "" : description.trim());
            if (author != null) {
                d.append(d.length() > 0 ? " " : "")
                        .append("Sigma rule by ")
                        .append(author.trim())
                        .append(", Detection Rule License 1.1.");
            }
            if (d.length() > 0) {
                b.description(d.toString());
            }
            Object tags = top.get("tags");
            if (tags instanceof List) {
                for (Object t : (List<Object>) tags) {
                    b.addTags(text(t));
                }
            }
            Object references = top.get("references");
            if (references instanceof List) {
                for (Object r : (List<Object>) references) {
                    if (text(r) != null) {
                        b.addReferences(text(r));
                    }
                }
            }
            return b.build();
        }

        private String ruleId(String id) {
            String raw = id;
            if (raw == null || raw.isBlank()) {
                String name = Path.of(source).getFileName().toString();
                raw = name.replaceFirst("\\.ya?ml$", "");
            }
            String clean = raw.replaceAll("[^A-Za-z0-9._:/-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
            if (clean.isEmpty()) {
                clean = "sigma-rule";
            }
            return clean.length() > 200 ? clean.substring(0, 200) : clean;
        }

        private Severity severity(Object level) {
            String l = text(level);
            if (l == null) {
                return Severity.MEDIUM;
            }
            l = l.toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(l)) {
                line = lineOf(level);
                throw fail("unknown level \"" + l + "\"; expected informational, low, medium, high or critical");
            }
            return l.equals("informational") ? Severity.INFO : Severity.valueOf(l.toUpperCase(Locale.ROOT));
        }

        @SuppressWarnings("unchecked")
        private Condition selection(String name, Object value) {
            line = lineOf(value);
            if (value instanceof Map) {
                return fieldMap(name, (Map<String, Object>) value);
            }
            if (value instanceof List) {
                List<Object> items = (List<Object>) value;
                List<Condition> alternatives = new ArrayList<>();
                for (Object item : items) {
                    if (!(item instanceof Map)) {
                        line = lineOf(item);
                        throw fail("search identifier " + name + " is a keyword list (values without field names); "
                                + "keyword search is not supported, name the field");
                    }
                    alternatives.add(fieldMap(name, (Map<String, Object>) item));
                }
                return Rules.anyOf(alternatives);
            }
            throw fail("search identifier " + name + " is a single keyword; keyword search is not supported, "
                    + "name the field");
        }

        private Condition fieldMap(String selection, Map<String, Object> map) {
            List<Condition> parts = new ArrayList<>();
            for (Map.Entry<String, Object> e : map.entrySet()) {
                line = lineOf(e.getValue());
                parts.add(field(selection, e.getKey(), e.getValue()));
            }
            return Rules.allOf(parts);
        }

        @SuppressWarnings("unchecked")
        private Condition field(String selection, String key, Object value) {
            String[] parts = key.split("\\|", -1);
            String path = parts[0];
            if (path.isEmpty()) {
                throw fail("in " + selection + ": a field name is missing before \"" + key + "\"");
            }
            try {
                Rules.field(path);
            } catch (IllegalArgumentException e) {
                throw fail("in " + selection + ": " + e.getMessage());
            }
            String kind = "equals";
            boolean all = false;
            boolean cased = false;
            StringBuilder reFlags = new StringBuilder();
            for (int k = 1; k < parts.length; k++) {
                String m = parts[k];
                switch (m) {
                    case "contains":
                    case "startswith":
                    case "endswith":
                    case "re":
                    case "cidr":
                    case "exists":
                    case "fieldref":
                        if (!kind.equals("equals")) {
                            throw fail("in " + selection + ": modifiers " + kind + " and " + m + " cannot be combined"
                                    + " (field " + key + ")");
                        }
                        kind = m;
                        break;
                    case "all":
                        all = true;
                        break;
                    case "cased":
                        cased = true;
                        break;
                    case "i":
                    case "m":
                    case "s":
                        if (!kind.equals("re")) {
                            throw unsupportedModifier(selection, m, key); // only regular expressions take flags
                        }
                        reFlags.append(m);
                        break;
                    default:
                        throw unsupportedModifier(selection, m, key);
                }
            }
            List<Object> values =
                    value instanceof List ? (List<Object>) value : java.util.Collections.singletonList(value);
            if (values.isEmpty()) {
                throw fail("in " + selection + ": field " + key + " has an empty list of values");
            }
            Field f = Rules.field(path);
            if (kind.equals("fieldref")) {
                return fieldref(selection, key, f, values, all, cased);
            }
            if (kind.equals("exists")) {
                String v = text(values.get(0));
                if (values.size() != 1 || v == null || !(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                    throw fail("in " + selection + ": " + key + " takes true or false");
                }
                SigmaFieldCondition present = new SigmaFieldCondition(
                        path, List.of(t -> true), false, "sigma(" + ValueMatcher.quote(path + "|exists") + ", true)");
                return v.equalsIgnoreCase("true") ? present : Rules.not(present);
            }
            List<Condition> nulls = new ArrayList<>();
            List<SigmaFieldCondition.Matcher> matchers = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (Object v : values) {
                if (v instanceof Map || v instanceof List) {
                    throw fail("in " + selection + ": field " + key + " has a nested map or list as a value");
                }
                if (v == null) {
                    if (!kind.equals("equals")) {
                        throw fail("in " + selection + ": null cannot be used with the " + kind + " modifier (" + key
                                + ")");
                    }
                    nulls.add(f.absentOrNull());
                    continue;
                }
                String s = text(v);
                shown.add(ValueMatcher.quote(s));
                matchers.add(matcher(selection, key, kind, s, cased, reFlags.toString()));
            }
            String label = "sigma(" + ValueMatcher.quote(key) + ", " + String.join(", ", shown) + ")";
            List<Condition> alternatives = new ArrayList<>(nulls);
            if (!matchers.isEmpty()) {
                if (all && !nulls.isEmpty()) {
                    throw fail("in " + selection + ": " + key + " mixes |all with null");
                }
                alternatives.add(new SigmaFieldCondition(path, matchers, all, label));
            }
            return Rules.anyOf(alternatives);
        }

        /** {@code field|fieldref: other}: a value of the field equals a value of the other field of the record. */
        private Condition fieldref(
                String selection, String key, Field f, List<Object> values, boolean all, boolean cased) {
            List<Condition> refs = new ArrayList<>();
            for (Object v : values) {
                String other = v instanceof Map || v instanceof List ? null : text(v);
                if (other == null) {
                    throw fail("in " + selection + ": " + key + " takes field names, found " + v);
                }
                Field o;
                try {
                    o = Rules.field(other);
                } catch (IllegalArgumentException e) {
                    throw fail("in " + selection + ": " + key + ": " + e.getMessage());
                }
                refs.add(cased ? f.sameAs(o) : f.sameAsIgnoreCase(o));
            }
            return all ? Rules.allOf(refs) : Rules.anyOf(refs);
        }

        private SigmaFieldCondition.Matcher matcher(
                String selection, String key, String kind, String value, boolean cased, String reFlags) {
            switch (kind) {
                case "re": {
                    try {
                        String flags = reFlags.isEmpty() ? "" : "(?" + reFlags + ")";
                        String tooBig = RegexSize.refusal(value);
                        if (tooBig != null) {
                            throw fail("in " + selection + ": " + key + ": the regular expression is " + tooBig);
                        }
                        Pattern p = Pattern.compile(flags + value);
                        return t -> p.matcher(t).find();
                    } catch (PatternSyntaxException e) {
                        throw fail(
                                "in " + selection + ": " + key + " is not a valid RE2 expression: " + e.getMessage());
                    }
                }
                case "cidr": {
                    Cidr c;
                    try {
                        c = Cidr.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw fail("in " + selection + ": " + key + ": " + e.getMessage());
                    }
                    return t -> {
                        byte[] a = Cidr.parseAddress(t);
                        return a != null && c.contains(a);
                    };
                }
                default: {
                    List<String> runs = starRuns(value);
                    if (runs != null) { // no ?: the linear matcher
                        List<String> all = new ArrayList<>();
                        if (kind.equals("contains") || kind.equals("endswith")) {
                            all.add("");
                        }
                        all.addAll(runs);
                        if (kind.equals("contains") || kind.equals("startswith")) {
                            all.add("");
                        }
                        Glob g = new Glob(all, !cased);
                        return g::matches;
                    }
                    String body = wildcardRegex(value);
                    String regex;
                    switch (kind) {
                        case "contains":
                            regex = ".*" + body + ".*";
                            break;
                        case "startswith":
                            regex = body + ".*";
                            break;
                        case "endswith":
                            regex = ".*" + body;
                            break;
                        default:
                            regex = body;
                    }
                    String tooBig = RegexSize.refusal(regex);
                    if (tooBig != null) {
                        throw fail("in " + selection + ": " + key + ": a value with ? is matched by a regular "
                                + "expression, which is " + tooBig);
                    }
                    Pattern p = Pattern.compile((cased ? "(?s)" : "(?is)") + regex);
                    return t -> p.matches(t);
                }
            }
        }

        private Condition convert(Expr n, Map<String, Condition> selections) throws SigmaCondition.Unsupported {
            return Expr.fold(n, new ConditionFolder<SigmaCondition.Unsupported>() {
                @Override
                public Condition leaf(Expr leaf) throws SigmaCondition.Unsupported {
                    return convertLeaf(leaf, selections);
                }
            });
        }

        /** A search identifier, or {@code 1 of} / {@code all of} a pattern of them. */
        private Condition convertLeaf(Expr n, Map<String, Condition> selections) throws SigmaCondition.Unsupported {
            if (n instanceof SigmaCondition.Ref ref) {
                String name = ref.name();
                Condition c = selections.get(name);
                if (c == null) {
                    throw new SigmaCondition.Unsupported("the condition names \"" + name
                            + "\", which is not a search identifier of detection; there are " + selections.keySet());
                }
                return c;
            }
            SigmaCondition.Quantified q = (SigmaCondition.Quantified) n;
            List<Condition> matched = new ArrayList<>();
            List<String> runs = starRuns(q.pattern());
            java.util.function.Predicate<String> names;
            if (runs != null) {
                names = new Glob(runs, false)::matches;
            } else {
                String regex = wildcardRegex(q.pattern());
                String tooBig = RegexSize.refusal(regex);
                if (tooBig != null) {
                    throw new SigmaCondition.Unsupported(
                            "the pattern of \"" + (q.all() ? "all" : "1") + " of\" is " + tooBig);
                }
                Pattern p = Pattern.compile(regex);
                names = p::matches;
            }
            for (Map.Entry<String, Condition> e : selections.entrySet()) {
                boolean hit = q.pattern().equals("them") ? !e.getKey().startsWith("_") : names.test(e.getKey());
                if (hit) {
                    matched.add(e.getValue());
                }
            }
            if (matched.isEmpty()) {
                throw new SigmaCondition.Unsupported("\"" + (q.all() ? "all" : "1") + " of " + q.pattern()
                        + "\" matches no search identifier; there are " + selections.keySet());
            }
            return q.all() ? Rules.allOf(matched) : Rules.anyOf(matched);
        }

        private static String text(Object v) {
            return v == null ? null : v.toString();
        }

        private static String describe(Map<String, Object> ls) {
            List<String> parts = new ArrayList<>();
            ls.forEach((k, v) -> parts.add(k + ": " + v));
            return String.join(", ", parts);
        }
    }

    /**
     * The literal runs between the {@code *}s of a Sigma value (escapes resolved, {@code **} as one {@code *}), or null
     * when it has a {@code ?} wildcard.
     */
    static List<String> starRuns(String value) {
        List<String> runs = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean lastWasStar = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\'
                    && i + 1 < value.length()
                    && (value.charAt(i + 1) == '*' || value.charAt(i + 1) == '?' || value.charAt(i + 1) == '\\')) {
                literal.append(value.charAt(++i));
                lastWasStar = false;
            } else if (c == '?') {
                return null;
            } else if (c == '*') {
                if (!lastWasStar) {
                    runs.add(literal.toString());
                    literal.setLength(0);
                }
                lastWasStar = true;
            } else {
                literal.append(c);
                lastWasStar = false;
            }
        }
        runs.add(literal.toString());
        return runs;
    }

    /** A Sigma value as an RE2 expression: {@code *} any run, {@code ?} one character, {@code \} escapes them. */
    static String wildcardRegex(String value) {
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\'
                    && i + 1 < value.length()
                    && (value.charAt(i + 1) == '*' || value.charAt(i + 1) == '?' || value.charAt(i + 1) == '\\')) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    sb.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                sb.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            sb.append(Pattern.quote(literal.toString()));
        }
        return sb.toString();
    }
}
