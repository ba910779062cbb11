package io.github.trailkit.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.test.CloudTrailAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The consumer code runs, and trailkit-bom pins what the build is made and tested with. */
final class ConsumerCheckTest {
    private static final Path ROOT = Path.of(System.getProperty("trailkit.root", ".."));

    @Test
    void theConsumerCode_compiledStrictly_runs() throws Exception {
        assertThat(ConsumerCode.everyBuilder()).hasSize(29);
        assertThat(ConsumerCode.findingJson())
                .contains("\"ruleId\":\"topic-created\"")
                .contains("CreateTopic");
        CloudTrailAssertions.assertThat(ConsumerCode.record())
                .hasEventName("CreateTopic"); // cloudtrail-test, test scope
        // no Immutables jar reached this class path: the strict compile above had none either
        assertThat(getClass().getClassLoader().getResource("org/immutables/value/Value.class"))
                .isNull();
    }

    @Test
    void theBom_pinsEveryLibraryModule_andTheBuildsJacksonAndSdk() throws Exception {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("trailkit-bom/pom.xml"));
        assertThat(property(bom, "trailkit.version")).isEqualTo(tag(root, "version"));
        assertThat(tag(bom, "version")).isEqualTo(tag(root, "version"));
        assertThat(property(bom, "jackson.version")).isEqualTo(property(root, "jackson.version"));
        assertThat(property(bom, "awssdk.version")).isEqualTo(property(root, "awssdk.version"));
        // every module of the reactor that is published (not skipped for deploy), whoever adds it
        List<String> published = new java.util.ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(root);
        while (m.find()) {
            String module = m.group(1);
            if (!module.equals("trailkit-bom")
                    && !Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                            .contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                published.add(module);
            }
        }
        assertThat(published)
                .contains(
                        "cloudtrail-model",
                        "cloudtrail-rules",
                        "cloudtrail-lambda-adapter",
                        "cloudtrail-test",
                        "cloudtrail-cli");
        for (String module : published) {
            assertThat(bom).contains("<artifactId>" + module + "</artifactId>\n        <version>${trailkit.version}");
        }
        assertThat(bom).contains("<artifactId>jackson-bom</artifactId>").contains("<artifactId>bom</artifactId>");
    }

    @Test
    void everyLibraryJar_namesItsAutomaticModule() throws Exception {
        Map<String, String> names = Map.of(
                "cloudtrail-model", "io.github.trailkit.model",
                "cloudtrail-rules", "io.github.trailkit.rules",
                "cloudtrail-lambda-adapter", "io.github.trailkit.lambda",
                "cloudtrail-test", "io.github.trailkit.test",
                "cloudtrail-lambda-test", "io.github.trailkit.lambda.testing",
                "cloudtrail-spark", "io.github.trailkit.spark",
                "cloudtrail-cli", "io.github.trailkit.cli");
        for (Map.Entry<String, String> e : names.entrySet()) {
            Path jar = ROOT.resolve(e.getKey() + "/target/" + e.getKey() + "-"
                    + tag(Files.readString(ROOT.resolve("pom.xml")), "version") + ".jar");
            if (!Files.exists(jar)) {
                continue; // the reactor ran without packaging (mvn test): the jars are checked by mvn verify
            }
            try (JarFile j = new JarFile(jar.toFile())) {
                assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as(jar.toString())
                        .isEqualTo(e.getValue());
            }
        }
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    /** The first {@code <tag>} after the parent section and the artifactId: the project's own. */
    private static String tag(String pom, String tag) {
        String afterArtifact = pom.substring(pom.indexOf("<artifactId>", pom.indexOf("</modelVersion>")));
        return property(afterArtifact, tag);
    }
}
