package io.github.trailkit.lambda.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.trailkit.lambda.TrailkitHandler;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's packages point down only: {@code internal} packages never use the public package above them, and no
 * package imports one that imports it back. Read from the module's own compiled classes (not its tests, not other
 * modules on the class path).
 */
class PackageLayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path main = Path.of(TrailkitHandler.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        classes = new ClassFileImporter().importPath(main);
        assertThat(classes.contain(TrailkitHandler.class)).isTrue();
        assertThat(classes.stream().filter(c -> c.getPackageName().contains(".internal")))
                .hasSizeGreaterThan(10);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.github.trailkit.(**)")
                .should()
                .beFreeOfCycles()
                .because("a package that imports one importing it back is one layer split in two")
                .check(classes);
    }

    @Test
    void internalPackagesDoNotUseThePublicPackage() {
        noClasses()
                .that()
                .resideInAPackage("io.github.trailkit.lambda.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.github.trailkit.lambda")
                .because("internal parts serve the public API, they do not call back into it")
                .check(classes);
    }
}
