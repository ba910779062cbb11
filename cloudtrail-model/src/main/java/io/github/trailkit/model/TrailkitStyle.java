package io.github.trailkit.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every trailkit value type.
 *
 * <p>Generated {@code Immutable*} classes are package-private: users build values through the
 * {@code builder()} factory and the nested {@code Builder} each type declares, and never type a generated name.
 * No copy ({@code with*}) methods are generated; derive a changed value with
 * {@code X.builder().from(x).field(newValue).build()}.
 *
 * <pre>{@code
 * @Value.Immutable
 * @TrailkitStyle
 * public abstract class Example {
 *     public abstract String name();
 *     public static Builder builder() { return new Builder(); }
 *     public static final class Builder extends ImmutableExample.Builder {}
 * }
 * }</pre>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        // no Jackson code generated from the Jackson annotations on value types (they name their own serializers)
        jacksonIntegration = false,
        // no @Generated on generated classes: a consumer compiling with -Xlint:all -Werror without Immutables' jar
        // would fail on "Cannot find annotation method ... Generated"
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = false))
public @interface TrailkitStyle {}
