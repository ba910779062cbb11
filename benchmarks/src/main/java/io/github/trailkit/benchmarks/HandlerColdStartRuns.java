package io.github.trailkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda handler's cold-start rows of the report: {@link HandlerColdStart} and its baseline {@link BareS3ColdStart}
 * run in fresh JVMs per configuration (HTTP client and JVM options), against one log object served over loopback S3.
 */
final class HandlerColdStartRuns {
    private HandlerColdStartRuns() {}

    /**
     * What {@link #run()} measured: each configuration's medians, the first configuration's class path and the load
     * average around the runs, and the first row's medians as the report's paragraph wants them.
     */
    record Outcome(List<ColdResult> results, String classPath, String load, long[] head) {}

    /**
     * From JDK 25 the archive of a training run is an AOT cache ({@code -XX:AOTCacheOutput}, JEP 514: classes loaded
     * and linked, not only parsed), else a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}).
     */
    static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    /** The JVM options Lambda's Java runtimes (java17 and later) set by default. */
    static final List<String> LAMBDA_DEFAULT_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    /**
     * One cold-start configuration: the HTTP client, the JVM options (a label and the arguments; {@code cds} adds an
     * AppCDS archive of a training run of the same program on the same class path).
     */
    record ColdConfig(String http, String options) {
        List<String> jvmArgs(Path archive) {
            List<String> args = new ArrayList<>();
            if (!options.equals("none")) {
                args.addAll(LAMBDA_DEFAULT_OPTIONS);
            }
            if (options.equals("lambda+cds")) {
                args.add((AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
            }
            return args;
        }

        String label() {
            return switch (options) {
                case "none" -> "none (JVM defaults)";
                case "lambda" -> "`" + String.join(" ", LAMBDA_DEFAULT_OPTIONS) + "` (Lambda's default)";
                default ->
                    AOT_CACHE
                            ? "Lambda's default + `-XX:AOTCache` (JDK 25 AOT cache of a training run)"
                            : "Lambda's default + `-XX:SharedArchiveFile` (AppCDS archive of a training run)";
            };
        }
    }

    /**
     * A configuration's medians: handler (build to first finding, JVM start to it, before the clock, spawn to exit, the
     * process's CPU time at the finding) and baseline (the same five).
     */
    record ColdResult(
            ColdConfig config, long[] handler, long[] baseline, List<Long> handlerRuns, List<Long> baselineRuns) {}

    /** The configurations of the handler's cold-start table; the first is the one with the targets. */
    static final List<ColdConfig> COLD_CONFIGS = List.of(
            new ColdConfig(ColdStartClients.URL_CONNECTION, "lambda"),
            new ColdConfig(ColdStartClients.URL_CONNECTION, "none"),
            new ColdConfig(ColdStartClients.URL_CONNECTION, "lambda+cds"),
            new ColdConfig("apache", "lambda"),
            new ColdConfig("crt", "lambda"));

    /**
     * The Lambda handler's cold start ({@link HandlerColdStart}) and its baseline ({@link BareS3ColdStart}) in {@link
     * Report#LAMBDA_JVMS} fresh JVMs per configuration, the runs of all configurations alternating (so that the machine's
     * load falls on all of them alike), each reading the same log object from an S3Proxy running in this JVM. The
     * child's class path is what a deployed function has: the handler's function jar (the shaded deployment package of
     * cloudtrail-lambda-adapter) and a small jar of the two programs and the rule document, plus the chosen HTTP
     * client's jars. Returns the medians of the first configuration (URLConnection, Lambda's default options) as the
     * report's paragraph wants them: build to first finding, JVM start to it, before the clock, spawn to exit, the
     * object's size, its records and the findings the handler delivered.
     */
    static Outcome run() throws IOException, InterruptedException {
        List<ColdResult> coldResults = new ArrayList<>();
        byte[] gzip = firstRecordMatches(BenchData.generateGzip(1_000, BenchData.SEED));
        String bucket = "trailkit-bench-trail";
        String key = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/01/"
                + "123456789012_CloudTrail_us-east-1_20240101T0005Z_c0ldSt4rtBench00.json.gz";
        Path work = Files.createTempDirectory("trailkit-coldstart");
        try (LoopbackS3 s3 = LoopbackS3.inMemory()) {
            S3Client client = s3.handlerClient();
            client.createBucket(b -> b.bucket(bucket));
            client.putObject(
                    p -> p.bucket(bucket)
                            .key(key)
                            .contentType("application/json")
                            .contentEncoding("gzip"),
                    RequestBody.fromBytes(gzip));
            List<String> args = List.of(s3.serverEndpoint().toString(), bucket, key);
            Map<String, String> classPaths = new LinkedHashMap<>();
            for (ColdConfig c : COLD_CONFIGS) {
                String cp = childClassPath(work, c.http());
                if (cp != null) {
                    classPaths.put(c.http(), cp);
                } else {
                    System.out.println("  (no jars of the " + c.http() + " HTTP client: its rows are skipped)");
                }
            }
            List<ColdConfig> configs = COLD_CONFIGS.stream()
                    .filter(c -> classPaths.containsKey(c.http()))
                    .toList();
            // AppCDS: one archive per program, from a training run on the same class path
            Map<String, Path> archives = new LinkedHashMap<>();
            for (String program : List.of("handler", "baseline")) {
                Path archive = work.resolve(program + ".jsa");
                List<String> training = new ArrayList<>(List.of(
                        Report.javaCommand(),
                        (AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive));
                training.addAll(LAMBDA_DEFAULT_OPTIONS);
                training.addAll(coldCommand(
                        program,
                        classPaths.get(ColdStartClients.URL_CONNECTION),
                        args,
                        gzip.length,
                        ColdStartClients.URL_CONNECTION));
                Report.runChild(training);
                archives.put(program, archive);
            }
            String loadStart = Report.loadAverage();
            Map<ColdConfig, long[][]> handler = new LinkedHashMap<>();
            Map<ColdConfig, long[][]> baseline = new LinkedHashMap<>();
            String first = "";
            long delivered = 0;
            for (int i = 0; i < Report.LAMBDA_JVMS; i++) {
                for (ColdConfig c : configs) {
                    for (String program : List.of("baseline", "handler")) {
                        List<String> command = new ArrayList<>(List.of(Report.javaCommand()));
                        command.addAll(c.jvmArgs(archives.get(program)));
                        command.addAll(coldCommand(program, classPaths.get(c.http()), args, gzip.length, c.http()));
                        long t0 = System.nanoTime();
                        List<String> lines = Report.runChild(command);
                        long wall = (System.nanoTime() - t0) / 1_000_000L;
                        String[] f = lines.get(lines.size() - 1).split(" ");
                        long[][] columns = (program.equals("handler") ? handler : baseline)
                                .computeIfAbsent(c, k -> new long[5][Report.LAMBDA_JVMS]);
                        if (program.equals("handler")) {
                            if (!f[0].equals("handler-first-finding")) {
                                throw new IllegalStateException("the handler found nothing: " + lines);
                            }
                            first = f[4];
                            delivered = Long.parseLong(f[5]);
                        } else if (!f[0].equals("bare-get") || Long.parseLong(f[4]) != gzip.length) {
                            throw new IllegalStateException("the baseline did not read the object: " + lines);
                        }
                        columns[0][i] = Long.parseLong(f[1]);
                        columns[1][i] = Long.parseLong(f[2]);
                        columns[2][i] = Long.parseLong(f[3]);
                        columns[3][i] = wall;
                        columns[4][i] = Long.parseLong(f[program.equals("handler") ? 6 : 5]);
                    }
                }
            }
            String coldLoad = "load average " + loadStart + " before the runs, " + Report.loadAverage() + " after";
            String coldClassPath = classPaths.get(ColdStartClients.URL_CONNECTION);
            for (ColdConfig c : configs) {
                ColdResult r = new ColdResult(
                        c,
                        medians(handler.get(c)),
                        medians(baseline.get(c)),
                        runs(handler.get(c)[1]),
                        runs(baseline.get(c)[1]));
                coldResults.add(r);
                System.out.printf(
                        Locale.ROOT,
                        "  %-14s %-10s baseline %d ms (CPU %d ms), handler %d ms (CPU %d ms) from JVM start (%.2f×); "
                                + "handler runs %s, baseline runs %s%n",
                        c.http(),
                        c.options(),
                        r.baseline()[1],
                        r.baseline()[4],
                        r.handler()[1],
                        r.handler()[4],
                        (double) r.handler()[1] / r.baseline()[1],
                        r.handlerRuns(),
                        r.baselineRuns());
            }
            System.out.println("  " + coldLoad + "; first rule found: " + first);
            long[] head = coldResults.get(0).handler();
            return new Outcome(coldResults, coldClassPath, coldLoad, new long[] {
                head[0], head[1], head[2], head[3], gzip.length, 1_000, delivered
            });
        } finally {
            deleteTree(work);
        }
    }

    private static long[] medians(long[][] columns) {
        long[] m = new long[columns.length];
        for (int c = 0; c < columns.length; c++) {
            long[] sorted = columns[c].clone();
            Arrays.sort(sorted);
            m[c] = sorted[sorted.length / 2];
        }
        return m;
    }

    private static List<Long> runs(long[] column) {
        return Arrays.stream(column).boxed().toList();
    }

    private static List<String> coldCommand(
            String program, String classPath, List<String> args, long size, String http) {
        List<String> command = new ArrayList<>(List.of("-cp", classPath));
        if (program.equals("handler")) {
            command.add(HandlerColdStart.class.getName());
            command.addAll(args);
            command.add(String.valueOf(size));
        } else {
            command.add(BareS3ColdStart.class.getName());
            command.addAll(args);
        }
        command.add(http);
        return command;
    }

    /**
     * The class path of a cold-start child: the function jar ({@code -Dreport.functionJar}, else the one the build left
     * in {@code cloudtrail-lambda-adapter/target}), a jar of the cold-start programs and the rule document, and the HTTP
     * client's jars ({@code benchmarks/target/http-clients/NAME}, or {@code -Dreport.httpClients}); null when the
     * client's jars are missing. Without a function jar it is this JVM's class path, and the report says so.
     */
    private static String childClassPath(Path work, String http) throws IOException {
        Path function = functionJar();
        if (function == null) {
            return http.equals(ColdStartClients.URL_CONNECTION) ? System.getProperty("java.class.path") : null;
        }
        Path app = work.resolve("bench-app.jar");
        if (!Files.exists(app)) {
            writeAppJar(app);
        }
        List<String> entries = new ArrayList<>(List.of(function.toString(), app.toString()));
        if (!http.equals(ColdStartClients.URL_CONNECTION)) {
            Path dir = Path.of(System.getProperty("report.httpClients", "benchmarks/target/http-clients"), http);
            if (!Files.isDirectory(dir)) {
                return null;
            }
            try (var jars = Files.list(dir)) {
                jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path functionJar() throws IOException {
        String given = System.getProperty("report.functionJar");
        if (given != null) {
            return Path.of(given);
        }
        Path dir = Path.of("cloudtrail-lambda-adapter", "target");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-function.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The cold-start programs and the rule document, as their own jar (AppCDS archives classes from jars only). */
    private static void writeAppJar(Path app) throws IOException {
        String dir = Report.class.getPackageName().replace('.', '/') + "/";
        List<String> entries = List.of(
                dir + "HandlerColdStart.class",
                dir + "BareS3ColdStart.class",
                dir + "ColdStartClients.class",
                BenchRules.RESOURCE);
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(app))) {
            for (String e : entries) {
                try (InputStream in = Report.class.getClassLoader().getResourceAsStream(e)) {
                    if (in == null) {
                        throw new IllegalStateException("missing " + e + " on the class path");
                    }
                    jar.putNextEntry(new java.util.jar.JarEntry(e));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The same log with its first record that a rule of the 100 matches moved to the front. */
    private static byte[] firstRecordMatches(byte[] gzip) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode log = (ObjectNode) mapper.readTree(BenchData.gunzip(gzip));
        ArrayNode records = (ArrayNode) log.get("Records");
        RuleSet rules = BenchRules.ruleSet(100);
        for (int i = 0; i < records.size(); i++) {
            if (!rules.findings(CloudTrail.reader().readRecord(mapper.writeValueAsString(records.get(i))))
                    .isEmpty()) {
                records.insert(0, records.remove(i));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(bytes)) {
                    mapper.writeValue(out, log);
                }
                return bytes.toByteArray();
            }
        }
        throw new IllegalStateException("no record of the cold-start log matches the 100 rules");
    }
}
