package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.test.internal.Describe;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * The checks of {@link RuleAssert}, for assertions of your own that add checks and keep chaining: extend it with your class
 * as {@code SELF}, and every check here returns your type. {@link RuleAssert} is the one trailkit gives.
 *
 * <pre>{@code
 * public final class MyAssert extends AbstractRuleAssert<MyAssert> {
 *     public MyAssert(Rule actual) {
 *         super(actual, MyAssert.class);
 *     }
 *
 *     public MyAssert myCheck() {
 *         isNotNull();
 *         // ... failWithMessage(...) when the check does not hold
 *         return myself;
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the concrete assertion class, returned by every check
 */
public abstract class AbstractRuleAssert<SELF extends AbstractRuleAssert<SELF>>
        extends AbstractObjectAssert<SELF, Rule> {

    /**
     * An assertion on {@code actual} for the subclass {@code selfType}, which is what every check returns so that the
     * subclass's own checks chain with these.
     */
    protected AbstractRuleAssert(Rule actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Checks that the rule's condition holds for {@code record}. */
    public SELF matches(CloudTrailRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (!actual.matches(record)) {
            failWithMessage(
                    "%nExpecting rule %s%nto match record%n  %s%nbut it did not: %s",
                    Describe.quote(actual.id()), Describe.record(record), actual.explain(record));
        }
        return myself;
    }

    /** Checks that the rule's condition does not hold for {@code record}. */
    public SELF doesNotMatch(CloudTrailRecord record) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        if (actual.matches(record)) {
            failWithMessage(
                    "%nExpecting rule %s%nnot to match record%n  %s%nbut it did: %s",
                    Describe.quote(actual.id()), Describe.record(record), actual.explain(record));
        }
        return myself;
    }

    /** Checks the rule's id. */
    public SELF hasId(String expected) {
        isNotNull();
        if (!actual.id().equals(expected)) {
            failWithActualExpectedAndMessage(
                    actual.id(),
                    expected,
                    "%nExpecting rule id%n  %s%nbut it was%n  %s",
                    Describe.quote(expected),
                    Describe.quote(actual.id()));
        }
        return myself;
    }
}
