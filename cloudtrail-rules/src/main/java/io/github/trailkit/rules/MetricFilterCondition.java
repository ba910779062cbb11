package io.github.trailkit.rules;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.RecordMember;
import io.github.trailkit.rules.internal.match.Glob;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Check;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Comparison;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Operator;
import io.github.trailkit.rules.internal.metricfilter.FilterSyntax.Selector;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One comparison or check of a CloudWatch Logs filter pattern, with CloudWatch's semantics rather than EventBridge's:
 * a selector names exactly one place (arrays are entered only by an explicit {@code [n]}), and {@code =}, {@code !=}
 * and the numeric operators apply only when that place holds a string or a number.
 */
final class MetricFilterCondition extends Condition {
    private static final Object ABSENT = new Object();
    private static final Object CONTAINER = new Object();
    private static final Object NULL = new Object();

    private final Selector selector;
    private final Comparison comparison; // or null
    private final Check check; // or null
    private final Glob contains; // for "*text*": linear in the value; or null

    MetricFilterCondition(Comparison comparison) {
        this.selector = comparison.selector;
        this.comparison = comparison;
        this.check = null;
        this.contains = comparison.string != null && comparison.leadingStar && comparison.trailingStar
                ? new Glob(List.of("", comparison.string, ""), false)
                : null;
    }

    MetricFilterCondition(Check check) {
        this.selector = check.selector;
        this.comparison = null;
        this.check = check;
        this.contains = null;
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        Object v = resolve(record);
        if (check != null) {
            switch (check.kind) {
                case NOT_EXISTS:
                    return v == ABSENT;
                case IS_NULL:
                    return v == NULL;
                case IS_TRUE:
                    return Boolean.TRUE.equals(v);
                default:
                    return Boolean.FALSE.equals(v);
            }
        }
        // only a string or a number is a value node; anything else never matches, with = and != alike
        if (!(v instanceof String) && !(v instanceof BigDecimal)) {
            return false;
        }
        if (comparison.op == Operator.NE) {
            return !equal(v);
        }
        if (comparison.op == Operator.EQ) {
            return equal(v);
        }
        BigDecimal n = asNumber(v);
        if (n == null) {
            return false;
        }
        int c = n.compareTo(comparison.number);
        switch (comparison.op) {
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            case GT:
                return c > 0;
            default:
                return c >= 0;
        }
    }

    private boolean equal(Object v) {
        if (comparison.number != null) {
            BigDecimal n = asNumber(v);
            return n != null && n.compareTo(comparison.number) == 0;
        }
        if (comparison.anyValue) {
            return true;
        }
        String s = v instanceof String ? (String) v : ((BigDecimal) v).toString();
        String core = comparison.string;
        if (comparison.leadingStar && comparison.trailingStar) {
            return contains.matches(s);
        }
        if (comparison.leadingStar) {
            return s.endsWith(core);
        }
        if (comparison.trailingStar) {
            return s.startsWith(core);
        }
        return s.equals(core);
    }

    private static BigDecimal asNumber(Object v) {
        if (v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        try {
            return new BigDecimal((String) v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The node at the selector: a String, BigDecimal, Boolean, {@link #NULL}, {@link #CONTAINER} or {@link #ABSENT}. */
    private Object resolve(CloudTrailRecord record) {
        Object node = record;
        for (Object step : selector.steps) {
            if (step instanceof String) {
                if (node instanceof List
                        || (node instanceof JsonValue jsonValue && !jsonValue.isObject())
                        || node instanceof String
                        || node instanceof Boolean
                        || node instanceof Number) {
                    return ABSENT;
                }
                node = RecordMember.lookup(node, (String) step);
            } else {
                int i = (Integer) step;
                if (node instanceof List) {
                    List<?> list = (List<?>) node;
                    node = i < list.size() ? list.get(i) : null;
                } else if (node instanceof JsonValue jsonValue && jsonValue.isArray()) {
                    List<JsonValue> list = jsonValue.elements();
                    node = i < list.size() ? list.get(i) : null;
                } else {
                    return ABSENT;
                }
            }
            if (node == null) {
                return ABSENT;
            }
        }
        return leaf(node);
    }

    private static Object leaf(Object node) {
        if (node instanceof String || node instanceof Boolean) {
            return node;
        }
        if (node instanceof BigDecimal) {
            return node;
        }
        if (node instanceof Number) {
            return new BigDecimal(node.toString());
        }
        if (node instanceof JsonValue v) {
            switch (v.kind()) {
                case STRING:
                    return v.asString().orElseThrow();
                case NUMBER:
                    return v.asNumber().orElseThrow();
                case BOOLEAN:
                    return v.asBoolean().orElseThrow();
                case NULL:
                    return NULL;
                default:
                    return v.isPresent() ? CONTAINER : ABSENT;
            }
        }
        return CONTAINER; // a nested record type or a list
    }

    private String leafText() {
        if (check != null) {
            return selector.text + " " + check.kind.text;
        }
        String operand = comparison.operandText;
        return selector.text + " " + comparison.op.symbol + " " + operand;
    }

    /** The Java that rebuilds this test: {@code MetricFilters.parse("{ $.eventName = ConsoleLogin }")}. */
    @Override
    public String toString() {
        return "MetricFilters.parse(" + ValueMatcher.quote("{ " + leafText() + " }") + ")";
    }

    @Override
    String explainMiss(CloudTrailRecord record) {
        if (matches(record)) {
            return null;
        }
        Object v = resolve(record);
        String found;
        if (v == ABSENT) {
            found = selector.text + " does not exist";
        } else if (v == NULL) {
            found = selector.text + " is null";
        } else if (v == CONTAINER) {
            found = selector.text + " is an object or array, not a value";
        } else if (v instanceof String) {
            found = selector.text + " is " + ValueMatcher.quote((String) v);
        } else {
            found = selector.text + " is " + v;
        }
        return found + ", expected " + leafText();
    }

    @Override
    Set<String> required(String path) {
        if (comparison == null
                || comparison.op != Operator.EQ
                || comparison.number != null
                || comparison.anyValue
                || comparison.leadingStar
                || comparison.trailingStar) {
            return null;
        }
        return path.equals(selector.dottedPathOrNull()) ? Set.of(comparison.string) : null;
    }

    @Override
    int cost() {
        return 1 + selector.steps.size();
    }
}
