package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The six open enums: {@code toString()} is never null, and {@code fromValue(toString())} gives the constant back. */
class OpenEnumTest {

    record OpenEnumType(String name, List<? extends Enum<?>> constants, Function<String, Enum<?>> fromValue) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<OpenEnumType> openEnums() {
        return Stream.of(
                new OpenEnumType("EventType", List.of(EventType.values()), EventType::fromValue),
                new OpenEnumType("EventCategory", List.of(EventCategory.values()), EventCategory::fromValue),
                new OpenEnumType("IdentityType", List.of(IdentityType.values()), IdentityType::fromValue),
                new OpenEnumType("AddendumReason", List.of(AddendumReason.values()), AddendumReason::fromValue),
                new OpenEnumType("InsightType", List.of(InsightType.values()), InsightType::fromValue),
                new OpenEnumType("InsightState", List.of(InsightState.values()), InsightState::fromValue));
    }

    @ParameterizedTest
    @MethodSource("openEnums")
    void toStringIsNeverNull_andTheUnknownConstantSaysItsName(OpenEnumType type) {
        for (Enum<?> constant : type.constants()) {
            assertThat(constant.toString()).as(constant.name()).isNotNull().isNotEmpty();
        }
        Enum<?> unknown = type.constants().get(type.constants().size() - 1);
        assertThat(unknown.name()).isEqualTo("UNKNOWN_TO_TRAILKIT");
        assertThat(unknown.toString()).isEqualTo("UNKNOWN_TO_TRAILKIT");
    }

    @ParameterizedTest
    @MethodSource("openEnums")
    void fromValueOfToString_givesTheConstantBack(OpenEnumType type) {
        for (Enum<?> constant : type.constants()) {
            assertThat(type.fromValue().apply(constant.toString()))
                    .as(constant.name())
                    .isSameAs(constant);
        }
    }

    @ParameterizedTest
    @MethodSource("openEnums")
    void anyOtherText_isUnknown_andNullStaysNull(OpenEnumType type) {
        Enum<?> unknown = type.constants().get(type.constants().size() - 1);
        assertThat(type.fromValue().apply("SomethingCloudTrailAddsNextYear")).isSameAs(unknown);
        assertThat(type.fromValue().apply("")).isSameAs(unknown);
        assertThat(type.fromValue().apply(null)).isNull();
    }

    @ParameterizedTest
    @MethodSource("openEnums")
    void everyConstantPrintsItsOwnText(OpenEnumType type) {
        assertThat(type.constants().stream().map(Object::toString)).doesNotHaveDuplicates();
    }

    @Test
    void anAliasReadsAsItsConstant_whichPrintsThePublishedSpelling() {
        assertThat(EventType.fromValue("AwsVpceEvents")).isSameAs(EventType.AWS_VPCE_EVENT);
        assertThat(EventType.AWS_VPCE_EVENT).hasToString("AwsVpceEvent");
        assertThat(EventType.AWS_API_CALL).hasToString("AwsApiCall");
    }
}
