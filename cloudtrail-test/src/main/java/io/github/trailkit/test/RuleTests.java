package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.test.internal.Resources;
import io.github.trailkit.test.internal.RuleTestFile;
import io.github.trailkit.test.internal.Triggering;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks rules against example records listed in a file: each case becomes a JUnit {@link DynamicTest}.
 *
 * <p>The file is YAML, or JSON when its name ends in {@code .json}. It holds a list of {@code cases}; each case has a
 * {@code name}, the record, and the ids of the rules it {@code triggers} and/or {@code doesNotTrigger} (other rules
 * may trigger too; list them under {@code doesNotTrigger} to forbid them). The record is given inline under {@code
 * record}, as CloudTrail writes it, or as a {@code resource}: a record or log file ({@code .json} or {@code
 * .json.gz}), with an {@code index} into its {@code Records} when it holds several. A resource path starting with
 * {@code /} is taken from the classpath root; any other is relative to the test file. An optional {@code description}
 * is for readers.
 *
 * <pre>{@code
 * cases:
 *   - name: root creates a topic
 *     record:
 *       eventVersion: 1.10
 *       eventSource: sns.amazonaws.com
 *       eventName: CreateTopic
 *       userIdentity: {type: Root, accountId: 123456789012}
 *     triggers: [sns-topic-created, root-activity]
 *   - name: a read is not a change
 *     resource: /records/sns-GetTopicAttributes.json
 *     doesNotTrigger: [sns-topic-created]
 * }</pre>
 *
 * <p>In YAML, write values as CloudTrail does; unquoted numbers outside the payloads ({@code eventVersion: 1.10},
 * account ids) and {@code true}/{@code false} inside {@code userIdentity} are read as the text written, as CloudTrail
 * has them. Payloads ({@code requestParameters}, {@code responseElements}, …) keep YAML's types.
 *
 * <p>Mistakes in the file (not YAML, a missing or unknown key, an id that names no rule of the set, a resource that
 * is not there) are all reported at once, each with file, line and case name, by an {@link
 * IllegalArgumentException} from {@code from}, so the test factory fails before any case runs. A case that fails says
 * which rule was wrong and why, in the words of {@link RuleSet#explain(String, CloudTrailRecord)}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> snsRules() {
 *     return RuleTests.from("/rules/sns-rules-tests.yaml", RuleSet.of(RuleDocuments.readResource("rules/sns.yaml")));
 * }
 * }</pre>
 */
public final class RuleTests {
    private RuleTests() {}

    /**
     * One dynamic test per case of the test file at classpath resource {@code resource} (taken from the classpath
     * root), checked against {@code rules}.
     *
     * @throws IllegalArgumentException listing every problem of the file, or when there is no such resource
     */
    public static Stream<DynamicTest> from(String resource, RuleSet rules) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(rules, "rules");
        String name = "/" + Resources.normalize(resource);
        String dir = name.substring(0, name.lastIndexOf('/') + 1);
        Function<String, List<CloudTrailRecord>> records = ref -> {
            String path = ref.startsWith("/") ? ref : dir + ref;
            return CloudTrailRecords.fromResource(path);
        };
        List<RuleTestFile.Case> cases = RuleTestFile.read(Resources.read(name), name, rules, records);
        return tests(cases, name, rules, line -> URI.create("classpath:" + name + "?line=" + line));
    }

    /**
     * One dynamic test per case of the test file {@code file}, checked against {@code rules}.
     *
     * @throws IllegalArgumentException listing every problem of the file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Stream<DynamicTest> from(Path file, RuleSet rules) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rules, "rules");
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Function<String, List<CloudTrailRecord>> records = ref -> {
            if (ref.startsWith("/")) {
                return CloudTrailRecords.fromResource(ref);
            }
            Path p = dir.resolve(ref);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no file " + p);
            }
            return CloudTrailRecords.fromPath(p);
        };
        List<RuleTestFile.Case> cases = RuleTestFile.read(content, file.toString(), rules, records);
        URI uri = file.toAbsolutePath().toUri();
        return tests(cases, file.toString(), rules, line -> URI.create(uri + "?line=" + line));
    }

    private static Stream<DynamicTest> tests(
            List<RuleTestFile.Case> cases, String source, RuleSet rules, Function<Integer, URI> location) {
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), location.apply(c.line()), () -> {
                    String failure = Triggering.check(
                            rules, c.record(), c.triggers(), c.doesNotTrigger(), Triggering.Mode.AT_LEAST);
                    if (failure != null) {
                        throw new AssertionError(source + ":" + c.line() + ": case \"" + c.name() + "\"\n" + failure);
                    }
                }));
    }
}
