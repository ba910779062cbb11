package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.internal.Triggering;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * The checks of {@link RuleSetAssert}, for assertions of your own that add checks and keep chaining: extend it with your class
 * as {@code SELF}, and every check here returns your type. {@link RuleSetAssert} is the one trailkit gives.
 *
 * <pre>{@code
 * public final class MyAssert extends AbstractRuleSetAssert<MyAssert> {
 *     public MyAssert(RuleSet actual) {
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
public abstract class AbstractRuleSetAssert<SELF extends AbstractRuleSetAssert<SELF>>
        extends AbstractObjectAssert<SELF, RuleSet> {

    /**
     * An assertion on {@code actual} for the subclass {@code selfType}, which is what every check returns so that the
     * subclass's own checks chain with these.
     */
    protected AbstractRuleSetAssert(RuleSet actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Checks that {@code record} triggers every rule named; other rules may trigger too. */
    public SELF triggers(CloudTrailRecord record, String... ruleIds) {
        return check(record, Arrays.asList(ruleIds), List.of(), Triggering.Mode.AT_LEAST);
    }

    /** Checks that {@code record} triggers the rules named and no other. */
    public SELF triggersExactly(CloudTrailRecord record, String... ruleIds) {
        return check(record, Arrays.asList(ruleIds), List.of(), Triggering.Mode.EXACTLY);
    }

    /** Checks that {@code record} triggers none of the rules named; other rules may trigger. */
    public SELF doesNotTrigger(CloudTrailRecord record, String... ruleIds) {
        return check(record, List.of(), Arrays.asList(ruleIds), Triggering.Mode.AT_LEAST);
    }

    /** Checks that {@code record} triggers no rule of the set. */
    public SELF triggersNothing(CloudTrailRecord record) {
        return check(record, List.of(), List.of(), Triggering.Mode.EXACTLY);
    }

    private SELF check(CloudTrailRecord record, List<String> must, List<String> mustNot, Triggering.Mode mode) {
        isNotNull();
        Objects.requireNonNull(record, "record");
        String failure = Triggering.check(actual, record, must, mustNot, mode);
        if (failure != null) {
            failWithMessage("%n%s", failure);
        }
        return myself;
    }
}
