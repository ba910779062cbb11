package io.github.trailkit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command's packages point down only: {@code cli.internal} never uses the commands above it, and no package
 * imports one that imports it back. Read from the module's own compiled classes.
 */
class PackageLayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path main = Path.of(CloudTrailCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        classes = new ClassFileImporter().importPath(main);
        assertThat(classes.contain(CloudTrailCommand.class)).isTrue();
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
    void internalPackagesDoNotUseTheCommands() {
        noClasses()
                .that()
                .resideInAPackage("io.github.trailkit.cli.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.github.trailkit.cli")
                .because("internal parts serve the commands, they do not call back into them")
                .check(classes);
    }
}
