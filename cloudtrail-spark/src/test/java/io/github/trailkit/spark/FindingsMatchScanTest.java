package io.github.trailkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.cli.CloudTrailCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of the data source and the rule runner equal, field for field, those {@code cloudtrail scan} prints for
 * the same generated log files and the same rules (a rule document and a pack).
 */
final class FindingsMatchScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void findingsEqualThoseOfCloudtrailScan() throws Exception {
        List<Path> files = TrailFiles.write(dir, 250);
        Path rules = Path.of(getClass().getResource("/test-rules.yaml").toURI());

        List<String> expected = scan(rules, dir);
        assertThat(expected).hasSizeGreaterThan(30); // the rules do match the generated records

        Dataset<Row> records = SharedSpark.session().read().format("cloudtrail").load(dir.toString());
        RuleSource source = RuleSource.documents(rules).and(RuleSource.pack("cis-aws-foundations"));
        // a plain read (each record matched as it is read), and any other dataset of records (the record column)
        assertThat(findings(CloudTrailSpark.findings(records, source))).containsExactlyInAnyOrderElementsOf(expected);
        Dataset<Row> filtered = records.where("problem IS NULL");
        assertThat(findings(CloudTrailSpark.findings(filtered, source))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(filtered.count()).isEqualTo(files.size() * 250L);
    }

    private static List<String> findings(Dataset<Row> findings) throws Exception {
        assertThat(findings.schema()).isEqualTo(CloudTrailSpark.findingSchema());
        List<String> actual = new ArrayList<>();
        for (String line : findings.toJSON().collectAsList()) {
            ObjectNode finding = (ObjectNode) JSON.readTree(line);
            // Spark names local files file:/...; scan names them as given
            finding.put("source", finding.get("source").asText().replaceFirst("^file:", ""));
            actual.add(canonical(finding));
        }
        return actual;
    }

    /** What {@code cloudtrail scan} prints on stdout, one canonical JSON text per finding. */
    private static List<String> scan(Path rules, Path logs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CloudTrailCommand.run(
                new String[] {"scan", "--rules", rules.toString(), "--pack", "cis-aws-foundations", logs.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(canonical(JSON.readTree(line)));
            }
        }
        return lines;
    }

    /** The finding with absent and null fields alike (scan omits what Spark writes as null), keys sorted. */
    private static String canonical(JsonNode finding) throws Exception {
        ObjectNode copy = ((ObjectNode) finding).deepCopy();
        List<String> nulls = new ArrayList<>();
        copy.fieldNames().forEachRemaining(name -> {
            if (copy.get(name).isNull()) {
                nulls.add(name);
            }
        });
        copy.remove(nulls);
        return JSON.copy()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(JSON.treeToValue(copy, java.util.Map.class));
    }

    @SuppressWarnings("unused")
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FindingsMatchScanTest.class.getResource(name).toURI());
    }
}
