package io.github.trailkit.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/** The Immutables style of this package: generated classes stay package-private behind {@code builder()}. */
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
@interface TrailkitRulesStyle {}
