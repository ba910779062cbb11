package io.github.trailkit.rules;

import static io.github.trailkit.rules.DocumentProblems.describe;
import static io.github.trailkit.rules.PatternValues.cidrProblem;
import static io.github.trailkit.rules.PatternValues.ipAddress;
import static io.github.trailkit.rules.PatternValues.wildcardProblem;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.tree.Node;
import io.github.trailkit.rules.tree.Node.Kind;
import io.github.trailkit.rules.tree.Node.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles one EventBridge event pattern, read by {@link io.github.trailkit.rules.tree.TreeReader}, to a {@link
 * Condition}, reporting every problem. Mirrors Event Ruler's JsonRuleCompiler step by step.
 *
 * <pre>{@code
 * DocumentProblems problems = new DocumentProblems("<pattern>");
 * Node root = problems.root(TreeReader.read("{\"eventName\": [\"CreateTopic\"]}", TreeReader.Syntax.DETECT));
 * Condition c = new PatternCompiler(problems).compile(root); // null when there were problems
 * problems.throwIfAny();
 * }</pre>
 */
final class PatternCompiler {
    private static final List<String> OPERATORS = List.of(
            "exactly",
            "prefix",
            "suffix",
            "equals-ignore-case",
            "wildcard",
            "anything-but",
            "numeric",
            "cidr",
            "exists");
    private static final List<String> ANYTHING_BUT_OPERATORS =
            List.of("prefix", "suffix", "equals-ignore-case", "wildcard");
    /** Names Event Ruler refuses as field names inside {@code $or}: its operators and the ones it reserves. */
    private static final Set<String> RESERVED_IN_OR = Set.of(
            "exactly",
            "equals-ignore-case",
            "prefix",
            "suffix",
            "anything-but",
            "exists",
            "wildcard",
            "numeric",
            "cidr",
            "=",
            "<",
            "<=",
            ">",
            ">=",
            "regex",
            "not-wildcard",
            "not-equals-ignore-case",
            "date-after",
            "date-on-or-after",
            "date-before",
            "date-on-or-before",
            "in-date-range",
            "ip-address-in-range",
            "ip-address-not-in-range");

    private static final List<String> ENVELOPE_FIELDS =
            List.of("source", "detail-type", "account", "region", "time", "version", "detail", "id", "resources");
    private static final Set<String> ENVELOPE_MARKERS = Set.of("source", "detail-type", "detail");
    /** More {@code $or} combinations than this in one pattern is surely a mistake (each is a branch to test). */
    private static final int MAX_BRANCHES = 10_000;

    private final DocumentProblems problems;
    /** The key that makes this an EventBridge envelope pattern, or null for a pattern over the record. */
    private Member envelope;

    PatternCompiler(DocumentProblems problems) {
        this.problems = problems;
    }

    Condition compile(Node pattern) {
        if (pattern.kind() != Kind.OBJECT) {
            problems.at(
                    pattern,
                    "a pattern must be an object, such as {\"eventName\": [\"CreateTopic\"]}, found "
                            + describe(pattern));
            return null;
        }
        int before = problems.size();
        envelope = envelopeMarker(pattern);
        List<Map<String, Condition>> branches = new ArrayList<>();
        object(pattern, "", branches, false);
        return problems.size() == before ? combine(branches) : null;
    }

    /** The first top-level key (in {@code $or} branches too) that only the EventBridge envelope has. */
    private static Member envelopeMarker(Node object) {
        for (Member e : object.members()) {
            if (e.key().equals("$or")) {
                if (e.value().kind() == Kind.ARRAY) {
                    for (Node branch : e.value().elements()) {
                        if (branch.kind() == Kind.OBJECT) {
                            Member m = envelopeMarker(branch);
                            if (m != null) {
                                return m;
                            }
                        }
                    }
                }
            } else if (ENVELOPE_MARKERS.contains(firstSegment(e.key()))) {
                return e;
            }
        }
        return null;
    }

    /**
     * Adds the fields of {@code object} at {@code prefix} to every branch, forking branches at {@code $or}: each
     * branch maps a path to its condition, and a later path replaces an earlier one, as in Event Ruler.
     */
    private void object(Node object, String prefix, List<Map<String, Condition>> branches, boolean insideOr) {
        if (object.members().isEmpty()) {
            problems.at(
                    object,
                    (prefix.isEmpty() ? "empty pattern" : "empty object at " + ValueMatcher.quote(prefix))
                            + "; expected at least one field");
            return;
        }
        for (Member e : object.members()) {
            if (e.key().equals("$or")) {
                or(e, prefix, branches);
                continue;
            }
            if (insideOr && RESERVED_IN_OR.contains(e.key())) {
                problems.atKey(
                        e,
                        ValueMatcher.quote(e.key()) + " is an operator name, so it cannot be a field name "
                                + "inside \"$or\"; operators go in a field's array, such as [{\"prefix\": \"x\"}]");
                continue;
            }
            if (!validPath(e.key())) {
                problems.atKey(
                        e,
                        "field name " + ValueMatcher.quote(e.key())
                                + " has an empty part; expected names joined by single dots");
                continue;
            }
            String path = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
            if (prefix.isEmpty() && envelope != null && !envelopeKey(e)) {
                continue;
            }
            switch (e.value().kind()) {
                case OBJECT:
                    object(e.value(), path, branches, insideOr);
                    break;
                case ARRAY:
                    Condition c = field(e.value(), path, e);
                    if (c != null) {
                        if (branches.isEmpty()) {
                            branches.add(new LinkedHashMap<>());
                        }
                        for (Map<String, Condition> branch : branches) {
                            branch.put(path, c);
                        }
                    }
                    break;
                default:
                    problems.at(
                            e.value(),
                            ValueMatcher.quote(path) + " must be an array of alternatives, such as "
                                    + example(e.value()) + ", or an object of nested fields; found "
                                    + describe(e.value()));
            }
        }
    }

    private void or(Member e, String prefix, List<Map<String, Condition>> branches) {
        Node list = e.value();
        if (list.kind() != Kind.ARRAY) {
            problems.at(list, "\"$or\" must be an array of at least two pattern objects, found " + describe(list));
            return;
        }
        List<Map<String, Condition>> current = copy(branches);
        branches.clear();
        for (Node element : list.elements()) {
            if (element.kind() != Kind.OBJECT) {
                problems.at(
                        element,
                        "\"$or\" holds pattern objects, such as {\"eventName\": [\"CreateTopic\"]}, " + "found "
                                + describe(element));
                continue;
            }
            List<Map<String, Condition>> forked = copy(current);
            if (forked.isEmpty()) {
                forked.add(new LinkedHashMap<>());
            }
            object(element, prefix, forked, true);
            branches.addAll(forked);
            if (branches.size() > MAX_BRANCHES) {
                problems.at(
                        list,
                        "too many \"$or\" combinations: more than " + MAX_BRANCHES
                                + " branches; combine fewer \"$or\" arrays");
                branches.clear();
                return;
            }
        }
        if (list.elements().size() < 2) {
            problems.at(
                    list,
                    "\"$or\" needs at least two pattern objects, found "
                            + list.elements().size());
        }
    }

    private static List<Map<String, Condition>> copy(List<Map<String, Condition>> branches) {
        List<Map<String, Condition>> out = new ArrayList<>(branches.size());
        for (Map<String, Condition> b : branches) {
            out.add(new LinkedHashMap<>(b));
        }
        return out;
    }

    /** Checks a top-level key of an envelope pattern; false (with a problem) when it cannot be compiled. */
    private boolean envelopeKey(Member e) {
        String first = firstSegment(e.key());
        if (first.equals("id") || first.equals("resources")) {
            problems.atKey(
                    e,
                    ValueMatcher.quote(first) + " is set by EventBridge when it delivers the event, so it "
                            + "cannot be matched on CloudTrail records; remove it");
            return false;
        }
        if (!ENVELOPE_FIELDS.contains(first)) {
            problems.atKey(
                    e,
                    ValueMatcher.quote(e.key()) + " is not an EventBridge envelope field (source, detail-type, "
                            + "account, region, time, version, detail); this pattern has "
                            + ValueMatcher.quote(envelope.key())
                            + " (line " + envelope.line() + ", column " + envelope.column()
                            + "), so put CloudTrail record fields under \"detail\"");
            return false;
        }
        return true;
    }

    /** The condition for one field's array of alternatives, or null after reporting problems. */
    private Condition field(Node alternatives, String path, Member entry) {
        boolean version = false;
        Field f;
        if (envelope == null) {
            f = selector(path);
        } else {
            String first = firstSegment(path);
            String rest = path.length() > first.length() ? path.substring(first.length() + 1) : "";
            if (first.equals("detail")) {
                if (rest.isEmpty()) {
                    problems.at(
                            alternatives,
                            "\"detail\" is the CloudTrail record itself: give it an object of "
                                    + "record fields, such as {\"eventName\": [\"CreateTopic\"]}, not an array");
                    return null;
                }
                f = selector(rest);
            } else if (first.equals("version")) {
                version = true;
                f = Rules.field(path);
            } else {
                if (!rest.isEmpty()) {
                    problems.atKey(
                            entry,
                            ValueMatcher.quote(first) + " is a string in the EventBridge envelope; it has "
                                    + "no field " + ValueMatcher.quote(rest));
                    return null;
                }
                f = envelopeField(first);
            }
        }
        Condition c = alternatives(alternatives, path, f);
        if (c != null && version) {
            // the envelope's version is always "0": decide the test now
            return c.matches(Envelope.VERSION) ? Rules.always() : Rules.never();
        }
        return c;
    }

    private static Field envelopeField(String name) {
        switch (name) {
            case "source":
                return Rules.eventBridgeSource();
            case "detail-type":
                return Rules.eventBridgeDetailType();
            case "account":
                return Rules.recipientAccountId();
            case "region":
                return Rules.awsRegion();
            case "time":
                return Rules.eventTime();
            default:
                throw new IllegalStateException(name);
        }
    }

    private Condition alternatives(Node array, String path, Field f) {
        if (array.elements().isEmpty()) {
            problems.at(
                    array,
                    ValueMatcher.quote(path) + " has an empty array; expected at least one alternative, "
                            + "such as [\"CreateTopic\"]");
            return null;
        }
        List<Condition> alternatives = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        int exactAt = -1;
        boolean failed = false;
        for (Node v : array.elements()) {
            Condition c = null;
            switch (v.kind()) {
                case STRING:
                    String address = ipAddress(v.text());
                    if (address == null) {
                        if (exactAt < 0) {
                            exactAt = alternatives.size();
                            alternatives.add(null); // the place of the in(...) of all exact strings
                        }
                        exact.add(v.text());
                        continue;
                    }
                    c = f.inCidr(address);
                    break;
                case NUMBER:
                    if (!exactDouble(v, ValueMatcher.quote(path) + ": ")) {
                        failed = true;
                        continue;
                    }
                    c = f.is(v.number());
                    break;
                case TRUE:
                    c = f.is(true);
                    break;
                case FALSE:
                    c = f.is(false);
                    break;
                case NULL:
                    c = f.isNull();
                    break;
                case OBJECT:
                    c = operator(v, path, f);
                    break;
                default:
                    problems.at(
                            v,
                            ValueMatcher.quote(path) + ": an alternative must be a string, a number, true, false, "
                                    + "null or an operator such as {\"prefix\": \"Delete\"}; found " + describe(v));
            }
            if (c == null) {
                failed = true;
            } else {
                alternatives.add(c);
            }
        }
        if (failed) {
            return null;
        }
        if (exactAt >= 0) {
            alternatives.set(exactAt, f.in(exact));
        }
        return Rules.anyOf(alternatives);
    }

    private Condition operator(Node object, String path, Field f) {
        String at = ValueMatcher.quote(path) + ": ";
        if (object.members().isEmpty()) {
            problems.at(object, at + "empty operator object; expected one of " + String.join(", ", OPERATORS));
            return null;
        }
        if (object.members().size() > 1) {
            problems.atKey(
                    object.members().get(1),
                    at + "an operator object holds one operator, found "
                            + object.members().size() + " (" + keyList(object) + "); give each as its own alternative");
            return null;
        }
        Member op = object.members().get(0);
        Node v = op.value();
        switch (op.key()) {
            case "exactly":
                if (v.kind() != Kind.STRING) {
                    problems.at(v, at + "\"exactly\" expects a string, found " + describe(v));
                    return null;
                }
                return f.is(v.text());
            case "prefix":
            case "suffix": {
                boolean prefix = op.key().equals("prefix");
                if (v.kind() == Kind.STRING) {
                    return prefix ? f.startsWith(v.text()) : f.endsWith(v.text());
                }
                if (v.kind() == Kind.OBJECT
                        && v.members().size() == 1
                        && v.members().get(0).key().equals("equals-ignore-case")) {
                    Node s = v.members().get(0).value();
                    if (s.kind() != Kind.STRING) {
                        problems.at(
                                s,
                                at + "\"equals-ignore-case\" in " + ValueMatcher.quote(op.key())
                                        + " expects a string, found " + describe(s));
                        return null;
                    }
                    return prefix ? f.startsWithIgnoreCase(s.text()) : f.endsWithIgnoreCase(s.text());
                }
                if (v.kind() == Kind.OBJECT && v.members().size() == 1) {
                    problems.atKey(
                            v.members().get(0),
                            at + "unknown " + ValueMatcher.quote(op.key()) + " option "
                                    + ValueMatcher.quote(v.members().get(0).key()) + "; expected equals-ignore-case");
                    return null;
                }
                problems.at(
                        v,
                        at + ValueMatcher.quote(op.key()) + " expects a string or {\"equals-ignore-case\": "
                                + "\"...\"}, found " + describe(v)
                                + (v.kind() == Kind.OBJECT
                                        ? " with " + v.members().size() + " keys"
                                        : ""));
                return null;
            }
            case "equals-ignore-case":
                if (v.kind() != Kind.STRING) {
                    problems.at(v, at + "\"equals-ignore-case\" expects a string, found " + describe(v));
                    return null;
                }
                return f.equalsIgnoreCase(v.text());
            case "wildcard": {
                if (v.kind() != Kind.STRING) {
                    problems.at(v, at + "\"wildcard\" expects a string, found " + describe(v));
                    return null;
                }
                String bad = wildcardProblem(v.text());
                if (bad != null) {
                    problems.at(v, at + bad);
                    return null;
                }
                return f.wildcard(v.text());
            }
            case "anything-but":
                return anythingBut(v, at, f);
            case "numeric":
                return numeric(v, at, f);
            case "cidr": {
                if (v.kind() != Kind.STRING) {
                    problems.at(
                            v,
                            at + "\"cidr\" expects a CIDR range such as \"10.0.0.0/24\" or "
                                    + "\"2001:db8::/32\", found " + describe(v));
                    return null;
                }
                String bad = cidrProblem(v.text());
                if (bad != null) {
                    problems.at(v, at + bad);
                    return null;
                }
                return f.inCidr(v.text());
            }
            case "exists":
                if (v.kind() == Kind.TRUE) {
                    return f.existsAsLeaf();
                }
                if (v.kind() == Kind.FALSE) {
                    return f.absentAsLeaf();
                }
                problems.at(v, at + "\"exists\" expects true or false, found " + describe(v));
                return null;
            default:
                problems.atKey(
                        op,
                        at + "unknown operator " + ValueMatcher.quote(op.key()) + "; expected one of "
                                + String.join(", ", OPERATORS)
                                + (op.key().equals("contains")
                                        ? " (for contains, use {\"wildcard\": \"*text*\"})"
                                        : ""));
                return null;
        }
    }

    private Condition anythingBut(Node v, String at, Field f) {
        switch (v.kind()) {
            case STRING:
                return f.anythingBut(v.text());
            case NUMBER:
                return exactDouble(v, at) ? f.anythingBut(v.number()) : null;
            case ARRAY: {
                if (v.elements().isEmpty()) {
                    problems.at(v, at + "\"anything-but\" has an empty list; expected strings or numbers to exclude");
                    return null;
                }
                Kind kind = v.elements().get(0).kind();
                boolean ok = true;
                for (Node e : v.elements()) {
                    if (e.kind() != Kind.STRING && e.kind() != Kind.NUMBER) {
                        problems.at(e, at + "\"anything-but\" lists strings or numbers, found " + describe(e));
                        ok = false;
                    } else if (e.kind() != kind && (kind == Kind.STRING || kind == Kind.NUMBER)) {
                        problems.at(
                                e,
                                at + "\"anything-but\" list mixes strings and numbers; expected all strings "
                                        + "or all numbers");
                        ok = false;
                    } else if (e.kind() == Kind.NUMBER && !exactDouble(e, at)) {
                        ok = false;
                    }
                }
                if (!ok) {
                    return null;
                }
                if (kind == Kind.STRING) {
                    List<String> s = v.elements().stream().map(n -> n.text()).collect(Collectors.toList());
                    return f.anythingBut(s.get(0), rest(s));
                }
                double[] d = v.elements().stream().mapToDouble(n -> n.number()).toArray();
                double[] more = new double[d.length - 1];
                System.arraycopy(d, 1, more, 0, more.length);
                return f.anythingBut(d[0], more);
            }
            case OBJECT: {
                if (v.members().isEmpty()) {
                    problems.at(
                            v,
                            at + "\"anything-but\" has an empty object; expected one of "
                                    + String.join(", ", ANYTHING_BUT_OPERATORS));
                    return null;
                }
                if (v.members().size() > 1) {
                    problems.atKey(
                            v.members().get(1),
                            at + "\"anything-but\" holds one operator, found "
                                    + v.members().size() + " (" + keyList(v) + ")");
                    return null;
                }
                Member op = v.members().get(0);
                if (!ANYTHING_BUT_OPERATORS.contains(op.key())) {
                    problems.atKey(
                            op,
                            at + "unknown \"anything-but\" operator " + ValueMatcher.quote(op.key())
                                    + "; expected one of " + String.join(", ", ANYTHING_BUT_OPERATORS));
                    return null;
                }
                List<String> values = stringOrStrings(op, at);
                if (values == null) {
                    return null;
                }
                switch (op.key()) {
                    case "prefix":
                        return f.anythingButPrefix(values.get(0), rest(values));
                    case "suffix":
                        return f.anythingButSuffix(values.get(0), rest(values));
                    case "equals-ignore-case":
                        return f.anythingButIgnoreCase(values.get(0), rest(values));
                    default:
                        return f.anythingButWildcard(values.get(0), rest(values));
                }
            }
            default:
                problems.at(
                        v,
                        at + "\"anything-but\" expects a string, a number, a list of strings or of numbers, "
                                + "or an object with prefix, suffix, equals-ignore-case or wildcard; found "
                                + describe(v));
                return null;
        }
    }

    /** The string or non-empty list of strings of an {@code anything-but} operator, checked; null on problems. */
    private List<String> stringOrStrings(Member op, String at) {
        String what = ValueMatcher.quote(op.key()) + " in \"anything-but\"";
        List<Node> nodes;
        if (op.value().kind() == Kind.STRING) {
            nodes = List.of(op.value());
        } else if (op.value().kind() == Kind.ARRAY && !op.value().elements().isEmpty()) {
            nodes = op.value().elements();
        } else {
            problems.at(
                    op.value(),
                    at + what + " expects a string or a non-empty list of strings, found " + describe(op.value()));
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node n : nodes) {
            String bad = null;
            if (n.kind() != Kind.STRING) {
                bad = what + " expects strings, found " + describe(n);
            } else if (n.text().isEmpty()
                    && (op.key().equals("prefix") || op.key().equals("suffix"))) {
                bad = what + " must not be empty";
            } else if (op.key().equals("wildcard")) {
                bad = wildcardProblem(n.text());
            }
            if (bad != null) {
                problems.at(n, at + bad);
                ok = false;
            } else {
                out.add(n.text());
            }
        }
        return ok ? out : null;
    }

    private Condition numeric(Node v, String at, Field f) {
        if (v.kind() != Kind.ARRAY) {
            problems.at(v, at + "\"numeric\" expects an array such as [\">\", 0, \"<=\", 5], found " + describe(v));
            return null;
        }
        List<Node> e = v.elements();
        if (e.isEmpty()) {
            problems.at(
                    v,
                    at + "\"numeric\" expects an operator and a number, such as [\">\", 0]; found an empty " + "array");
            return null;
        }
        String op1 = numericOperator(e.get(0), at, List.of("=", "<", "<=", ">", ">="));
        if (op1 == null) {
            return null;
        }
        Double n1 = numericValue(e, 1, op1, at, v);
        if (n1 == null) {
            return null;
        }
        if (op1.equals("=") || op1.startsWith("<")) {
            if (e.size() > 2) {
                problems.at(
                        e.get(2),
                        at
                                + (op1.equals("=")
                                        ? "\"numeric\" with \"=\" takes one number, found more elements"
                                        : "\"numeric\" takes a lower bound (> or >=) before an upper bound (< or <=); found more "
                                                + "elements after " + ValueMatcher.quote(op1)));
                return null;
            }
            switch (op1) {
                case "=":
                    return f.is(n1);
                case "<":
                    return f.lessThan(n1);
                default:
                    return f.atMost(n1);
            }
        }
        if (e.size() == 2) {
            return op1.equals(">") ? f.greaterThan(n1) : f.atLeast(n1);
        }
        String op2 = numericOperator(e.get(2), at, List.of("<", "<="));
        if (op2 == null) {
            return null;
        }
        Double n2 = numericValue(e, 3, op2, at, v);
        if (n2 == null) {
            return null;
        }
        if (e.size() > 4) {
            problems.at(e.get(4), at + "\"numeric\" takes at most a lower and an upper bound; found more elements");
            return null;
        }
        if (!(n1 < n2)) {
            problems.at(
                    v,
                    at + "\"numeric\" range is empty: the lower bound " + ValueMatcher.number(n1)
                            + " must be below the upper bound " + ValueMatcher.number(n2));
            return null;
        }
        return f.range(op1, n1, op2, n2);
    }

    private String numericOperator(Node n, String at, List<String> allowed) {
        if (n.kind() == Kind.STRING && allowed.contains(n.text())) {
            return n.text();
        }
        problems.at(
                n,
                at + "\"numeric\" expects "
                        + (allowed.size() == 2
                                ? "an upper bound operator (< or <=) after the lower bound"
                                : "an operator (=, <, <=, >, >=)")
                        + " here, found " + describe(n));
        return null;
    }

    /**
     * True when the double a pattern number is read as spells that number back exactly (Event Ruler's test:
     * {@code 0.1} yes, {@code 9007199254740993} or {@code 1e400} no); else reports it. Such a number would silently
     * be compared as a different one, and Event Ruler rejects it in {@code numeric} and {@code anything-but}.
     */
    private boolean exactDouble(Node n, String at) {
        if (Double.isFinite(n.number())) {
            try {
                if (BigDecimal.valueOf(n.number())
                                .compareTo(new BigDecimal(n.text().trim()))
                        == 0) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return true; // a YAML spelling such as 0x1F: read by the YAML parser, not as a decimal
            }
        }
        problems.at(
                n,
                at + "the number " + n.text() + " has more digits than a double holds"
                        + (Double.isFinite(n.number())
                                ? " (it would be compared as " + ValueMatcher.number(n.number()) + ")"
                                : " (it is beyond the double range)")
                        + "; write it with at most 15 significant digits");
        return false;
    }

    private Double numericValue(List<Node> e, int i, String op, String at, Node array) {
        if (i >= e.size()) {
            problems.at(array, at + "\"numeric\" expects a number after " + ValueMatcher.quote(op));
            return null;
        }
        Node n = e.get(i);
        if (n.kind() != Kind.NUMBER || !Double.isFinite(n.number())) {
            problems.at(
                    n,
                    at + "\"numeric\" expects a finite number after " + ValueMatcher.quote(op) + ", found "
                            + describe(n));
            return null;
        }
        return exactDouble(n, at) ? n.number() : null;
    }

    /** The envelope EventBridge makes of a CloudTrail event always has {@code "version": "0"}. */
    private static final class Envelope {
        static final CloudTrailRecord VERSION = CloudTrail.reader().readRecord("{\"version\":\"0\"}");
    }

    /**
     * Joins the branches into one condition: the conditions every branch shares, and the OR of what is left of each.
     * A branch with a test decided as never is dropped; one decided as always is left out of its branch.
     */
    private static Condition combine(List<Map<String, Condition>> branches) {
        List<Map<String, Condition>> live = new ArrayList<>();
        for (Map<String, Condition> b : branches) {
            if (b.values().stream().anyMatch(PatternCompiler::isNever)) {
                continue;
            }
            Map<String, Condition> kept = new LinkedHashMap<>(b);
            kept.values().removeIf(PatternCompiler::isAlways);
            live.add(kept);
        }
        if (live.isEmpty()) {
            return Rules.never();
        }
        Map<String, Condition> common = new LinkedHashMap<>(live.get(0));
        for (Map<String, Condition> b : live) {
            common.entrySet().removeIf(e -> b.get(e.getKey()) != e.getValue());
        }
        List<Condition> rests = new ArrayList<>();
        for (Map<String, Condition> b : live) {
            List<Condition> rest = new ArrayList<>();
            b.forEach((path, c) -> {
                if (common.get(path) != c) {
                    rest.add(c);
                }
            });
            if (rest.isEmpty()) {
                return Rules.allOf(new ArrayList<>(common.values())); // this branch needs only the shared tests
            }
            rests.add(Rules.allOf(rest));
        }
        List<Condition> all = new ArrayList<>(common.values());
        all.add(Rules.anyOf(rests));
        return Rules.allOf(all);
    }

    private static boolean isNever(Condition c) {
        return c instanceof Condition.AnyOf && ((Condition.AnyOf) c).parts.isEmpty();
    }

    private static boolean isAlways(Condition c) {
        return c instanceof Condition.AllOf && ((Condition.AllOf) c).parts.isEmpty();
    }

    /** The typed DSL selector for a record path where there is one (for readable {@code toString()}), else field(). */
    static Field selector(String path) {
        switch (path) {
            case "eventVersion":
                return Rules.eventVersion();
            case "eventSource":
                return Rules.eventSource();
            case "eventName":
                return Rules.eventName();
            case "eventType":
                return Rules.eventType();
            case "eventCategory":
                return Rules.eventCategory();
            case "eventTime":
                return Rules.eventTime();
            case "eventID":
                return Rules.eventID();
            case "awsRegion":
                return Rules.awsRegion();
            case "errorCode":
                return Rules.errorCode();
            case "errorMessage":
                return Rules.errorMessage();
            case "sourceIPAddress":
                return Rules.sourceIPAddress();
            case "userAgent":
                return Rules.userAgent();
            case "readOnly":
                return Rules.readOnly();
            case "managementEvent":
                return Rules.managementEvent();
            case "recipientAccountId":
                return Rules.recipientAccountId();
            case "vpcEndpointId":
                return Rules.vpcEndpointId();
            case "userIdentity.type":
                return Rules.userIdentity().type();
            case "userIdentity.arn":
                return Rules.userIdentity().arn();
            case "userIdentity.accountId":
                return Rules.userIdentity().accountId();
            case "userIdentity.userName":
                return Rules.userIdentity().userName();
            case "userIdentity.principalId":
                return Rules.userIdentity().principalId();
            case "userIdentity.accessKeyId":
                return Rules.userIdentity().accessKeyId();
            case "userIdentity.invokedBy":
                return Rules.userIdentity().invokedBy();
            case "userIdentity.identityProvider":
                return Rules.userIdentity().identityProvider();
            case "userIdentity.sessionContext.attributes.mfaAuthenticated":
                return Rules.userIdentity().mfaAuthenticated();
            case "userIdentity.sessionContext.sourceIdentity":
                return Rules.userIdentity().sourceIdentity();
            case "userIdentity.sessionContext.sessionIssuer.type":
                return Rules.userIdentity().sessionIssuer().type();
            case "userIdentity.sessionContext.sessionIssuer.arn":
                return Rules.userIdentity().sessionIssuer().arn();
            case "userIdentity.sessionContext.sessionIssuer.userName":
                return Rules.userIdentity().sessionIssuer().userName();
            case "userIdentity.sessionContext.sessionIssuer.accountId":
                return Rules.userIdentity().sessionIssuer().accountId();
            case "userIdentity.sessionContext.sessionIssuer.principalId":
                return Rules.userIdentity().sessionIssuer().principalId();
            default:
                break;
        }
        if (path.startsWith("requestParameters.")) {
            return Rules.requestParameter(path.substring("requestParameters.".length()));
        }
        if (path.startsWith("responseElements.")) {
            return Rules.responseElement(path.substring("responseElements.".length()));
        }
        if (path.startsWith("additionalEventData.")) {
            return Rules.additionalEventData(path.substring("additionalEventData.".length()));
        }
        return Rules.field(path);
    }

    static boolean validPath(String path) {
        if (path.isEmpty()) {
            return false;
        }
        for (String s : path.split("\\.", -1)) {
            if (s.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String firstSegment(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String[] rest(List<String> values) {
        return values.subList(1, values.size()).toArray(new String[0]);
    }

    private static String keyList(Node object) {
        return object.members().stream().map(e -> e.key()).collect(Collectors.joining(", "));
    }

    /** A correct way to write a scalar that was given where an array belongs. */
    private static String example(Node scalar) {
        switch (scalar.kind()) {
            case STRING:
                String s = scalar.text().length() > 40 ? scalar.text().substring(0, 37) + "..." : scalar.text();
                return "[" + ValueMatcher.quote(s) + "]";
            case NUMBER:
                return "[" + scalar.text() + "]";
            case TRUE:
                return "[true]";
            case FALSE:
                return "[false]";
            case NULL:
                return "[null]";
            default:
                return "[\"CreateTopic\"]";
        }
    }
}
