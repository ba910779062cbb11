package io.github.trailkit.rules;

import static io.github.trailkit.rules.Rules.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every DSL method that tests a field against values takes one value or several the same way: {@code (first, more...)}. */
class DslValuesTest {
    private static final CloudTrailRecord RECORD = CloudTrail.reader()
            .readRecord(
                    "{\"eventVersion\":\"1.08\",\"eventName\":\"CreateTopic\",\"requestParameters\":{\"count\":5}}");

    /** Methods whose one value is a bound or a switch, not one of a set of alternatives. */
    private static final List<String> SINGLE_BY_NATURE =
            List.of("greaterThan", "atLeast", "lessThan", "atMost", "is(boolean)");

    @Test
    void noFieldMethodTakesExactlyOneStringOrNumber() {
        List<String> single = Arrays.stream(Field.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Field.class && Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 1)
                .filter(m -> m.getParameterTypes()[0] == String.class
                        || m.getParameterTypes()[0] == double.class
                        || m.getParameterTypes()[0] == boolean.class)
                .map(DslValuesTest::name)
                .filter(n ->
                        !SINGLE_BY_NATURE.contains(n) && !SINGLE_BY_NATURE.contains(n.substring(0, n.indexOf('('))))
                .collect(Collectors.toList());
        assertThat(single).isEmpty();
    }

    @Test
    void everyVarargsMethodNeedsAFirstValueOfTheSameType() {
        for (Method m : Field.class.getMethods()) {
            if (m.getDeclaringClass() != Field.class || !m.isVarArgs()) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            assertThat(p).as(name(m)).hasSize(2);
            assertThat(p[1].getComponentType()).as(name(m)).isEqualTo(p[0]);
        }
    }

    @Test
    void numbersTakeOneOrSeveral_likeStrings() {
        assertThat(field("requestParameters.count").is(5).matches(RECORD)).isTrue();
        assertThat(field("requestParameters.count").is(4, 5).matches(RECORD)).isTrue();
        assertThat(field("requestParameters.count").is(4, 6).matches(RECORD)).isFalse();
        assertThat(field("requestParameters.count").is(4, 5).toString())
                .isEqualTo(field("requestParameters.count").in(4, 5).toString());
        assertThat(field("requestParameters.count").is(5).toString())
                .isEqualTo(field("requestParameters.count").in(5).toString());
        assertThat(Rules.eventName().is("CreateTopic").matches(RECORD)).isTrue();
        assertThat(Rules.eventName().is("DeleteTopic", "CreateTopic").matches(RECORD))
                .isTrue();
        assertThat(Rules.eventName().notStartsWith("Create").matches(RECORD)).isFalse();
        assertThat(Rules.eventName().notStartsWith("Delete", "Get").matches(RECORD))
                .isTrue();
    }

    private static String name(Method m) {
        return m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }
}
