package io.github.trailkit.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model's packages point down: {@code internal} packages are the JSON and I/O layers beneath the public types and
 * never reach back up into them, and no package imports a package that imports it back.
 */
class ArchitectureTest {
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.trailkit.model");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.github.trailkit.(**)").should().beFreeOfCycles().check(MODEL);
    }

    @Test
    void internalPackagesDoNotDependOnThePublicOnes() {
        noClasses()
                .that()
                .resideInAPackage("..model.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.github.trailkit.model", "io.github.trailkit.model.digest")
                .check(MODEL);
        noClasses()
                .that()
                .resideInAPackage("..model.digest.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.github.trailkit.model", "io.github.trailkit.model.digest")
                .check(MODEL);
    }
}
