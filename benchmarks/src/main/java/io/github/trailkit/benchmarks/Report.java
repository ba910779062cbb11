package io.github.trailkit.benchmarks;

import com.amazonaws.services.cloudtrail.processinglibrary.serializer.DefaultEventSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.cli.CloudTrailCommand;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import software.amazon.event.ruler.Machine;

/**
 * The performance report of issue 6 in one command:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.trailkit.benchmarks.Report [--quick] [--only PART,...]
 * </pre>
 *
 * It describes the machine and the data, checks that every contender reads the same records (and how Event Ruler's
 * and trailkit's matches compare), runs every JMH benchmark once (1 fork, 5 warm-up and 5 measured iterations of 2
 * s, JMH's gc profiler for allocation), measures the peak heap of streaming 256 MB and 1 GB logs in child JVMs with
 * a 64 MB heap, the cold start of the reader and of the Lambda handler in fresh JVMs, and {@code cloudtrail scan} of a
 * directory with 1 and 2 threads, then prints one table with the targets and writes it as Markdown to {@code
 * benchmarks/target/report.md} (or {@code -Dreport.out=...}). {@code --only} runs some parts only, among {@code jmh}
 * (the data, the checks and every JMH row), {@code heap}, {@code coldstart} (both cold starts) and {@code scan}.
 */
public final class Report {
    private static final int HEAP_MB = 64;
    private static final long MB = 1_000_000L;

    private static final List<String> PARTS = List.of("jmh", "heap", "coldstart", "scan", "cli", "writer");
    /** The scan row's directory: this many gzip files of {@link #SCAN_RECORDS} generated records each. */
    private static final int SCAN_FILES = 8;

    private static final int SCAN_RECORDS = 25_000;
    private static final int SCAN_PASSES = 3;
    static final int LAMBDA_JVMS = 5;

    private final boolean quick;
    private final Set<String> only;
    private final StringBuilder md = new StringBuilder();
    private final Map<String, Measured> results = new LinkedHashMap<>();

    /** Whether the scaling rows include 1,000,000 records (several minutes more): {@code --scale-1m}. */
    private static boolean scaleMillion;

    private Report(boolean quick, Set<String> only) {
        this.quick = quick;
        this.only = only;
    }

    private final List<HandlerColdStartRuns.ColdResult> coldResults = new ArrayList<>();
    private String coldClassPath = "";
    private String coldLoad = "";

    private boolean part(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /** A JMH result: records per second with its 99.9% error, allocated bytes per record (NaN if not measured). */
    record Measured(double recordsPerSecond, double error, double allocPerRecord) {}

    public static void main(String[] args) throws Exception {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        scaleMillion = list.contains("--scale-1m");
        Set<String> only = new TreeSet<>();
        int at = list.indexOf("--only");
        if (at >= 0) {
            if (at + 1 >= list.size()) {
                throw new IllegalArgumentException("--only needs a comma-separated list of " + PARTS);
            }
            for (String p : list.get(at + 1).split(",")) {
                if (!PARTS.contains(p.trim())) {
                    throw new IllegalArgumentException("no part named \"" + p + "\"; the parts are " + PARTS);
                }
                only.add(p.trim());
            }
        }
        new Report(quick, only).run();
    }

    private void run() throws Exception {
        Instant start = Instant.now();
        String loadBefore = loadAverage();
        out("# trailkit performance report");
        out("");
        out("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", " + memTotal()
                + " RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        out("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (forks: -Xms2g -Xmx2g, default G1)");
        out("- load average (1, 5, 15 min) at the start: " + loadBefore);
        out("- command: `java -cp benchmarks/target/benchmarks.jar io.github.trailkit.benchmarks.Report`"
                + (quick ? " --quick (short iterations: smoke run, not for publication)" : "")
                + (only.isEmpty() ? "" : " --only " + String.join(",", only) + " (these parts only)"));
        if (part("jmh")) {
            out("- JMH: 1 fork, " + warmups() + " warm-up and " + iterations() + " measured iterations of " + seconds()
                    + " s per row; records/s is the mean with its 99.9% error");
        }

        double fileBytesPerRecord = Double.NaN;
        double textBytesPerRecord = Double.NaN;
        if (part("jmh")) {
            byte[] gzip = BenchData.gzipLog();
            byte[] plain = BenchData.gunzip(gzip);
            fileBytesPerRecord = (double) plain.length / BenchData.FILE_RECORDS;
            List<String> texts = BenchData.recordTexts(BenchData.TEXT_RECORDS);
            long textBytes = 0;
            for (String t : texts) {
                textBytes += t.getBytes(StandardCharsets.UTF_8).length;
            }
            textBytesPerRecord = (double) textBytes / texts.size();
            describeData(gzip, plain, textBytesPerRecord);
            checkContenders(gzip, texts);

            out("");
            out("Running the benchmarks...");
            measure("floor", "ReadBenchmarks.floor", 100);
            measure("naive", "ReadBenchmarks.naiveReadTree", 100);
            measure("cpl", "ReadBenchmarks.processingLibrary", 100);
            measure("read", "ReadBenchmarks.trailkitRead", 100);
            measure("read1t", "ReadBenchmarks.trailkitReadOneThread", 100);
            measure("read10", "ReadMatchBenchmarks.trailkitReadMatch", 10);
            measure("read100", "ReadMatchBenchmarks.trailkitReadMatch", 100);
            measure("read1000", "ReadMatchBenchmarks.trailkitReadMatch", 1000);
            measure("ruler100", "MatchBenchmarks.eventRulerJson", 100);
            measure("json100", "MatchBenchmarks.trailkitJson", 100);
            measure("match10", "MatchBenchmarks.trailkitMatch", 10);
            measure("match100", "MatchBenchmarks.trailkitMatch", 100);
            measure("match1000", "MatchBenchmarks.trailkitMatch", 1000);
            measure("ruler1000", "MatchBenchmarks.eventRulerJson", 1000);
        }

        long[] heap256 = null;
        long[] heap1g = null;
        long[] cold = null;
        long[] lambda = null;
        double[] scan = null;
        if (part("heap") || part("coldstart")) {
            out("");
            out("Measuring the streaming heap and the cold starts in child JVMs...");
        }
        if (part("heap")) {
            heap256 = heapProbe(256 * MB);
            heap1g = heapProbe(1000 * MB);
        }
        if (part("coldstart")) {
            cold = coldStart();
            HandlerColdStartRuns.Outcome handlerRuns = HandlerColdStartRuns.run();
            coldResults.addAll(handlerRuns.results());
            coldClassPath = handlerRuns.classPath();
            coldLoad = handlerRuns.load();
            lambda = handlerRuns.head();
        }
        if (part("scan")) {
            out("");
            out("Running `cloudtrail scan` over a directory with 1 and 2 threads...");
            scan = scan();
        }

        List<String> cliRows = List.of();
        if (part("cli")) {
            out("");
            out("Running the command line cold, each run a fresh process...");
            cliRows = ColdCli.rows(scaleMillion, quick);
        }
        List<String> writerRows = List.of();
        if (part("writer")) {
            out("");
            out("Timing the writer in this JVM...");
            writerRows = WriterTimes.rows(quick);
        }

        String loadAfter = loadAverage();
        table(fileBytesPerRecord, textBytesPerRecord, heap256, heap1g, cold, lambda, scan);
        for (String line : cliRows) {
            out(line);
        }
        for (String line : writerRows) {
            out(line);
        }
        out("");
        out("- load average at the end: " + loadAfter + "; report time: "
                + Duration.between(start, Instant.now()).toSeconds() + " s");

        Path report = Path.of(System.getProperty("report.out", "benchmarks/target/report.md"));
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, md.toString());
        System.out.println();
        System.out.println("Markdown written to " + report.toAbsolutePath());
    }

    // ------------------------------------------------------------------------------------------------ data and checks

    private void describeData(byte[] gzip, byte[] plain, double textBytesPerRecord) {
        Set<String> sources = new HashSet<>();
        Set<String> names = new HashSet<>();
        Map<String, Integer> identities = new TreeMap<>();
        int errors = 0;
        int data = 0;
        try (CloudTrailLog log = CloudTrail.reader().read(gzip, "bench")) {
            for (CloudTrailRecord r : log) {
                r.eventSource().ifPresent(sources::add);
                r.eventName().ifPresent(n -> names.add(r.eventSource().orElse("") + ":" + n));
                identities.merge(
                        r.userIdentity().flatMap(UserIdentity::typeAsString).orElse("(none)"), 1, Integer::sum);
                if (r.errorCode().isPresent()) {
                    errors++;
                }
                if (r.managementEvent().map(m -> !m).orElse(false)) {
                    data++;
                }
            }
        }
        out("");
        out("## Data");
        out("");
        out(String.format(
                Locale.ROOT,
                "- file rows: one gzip log of %,d generated records (seed %d): %,d bytes gzip, "
                        + "%,d bytes JSON (%.0f B/record); %d event sources, %d event names, %.1f%% errors, %.1f%% data events",
                BenchData.FILE_RECORDS,
                BenchData.SEED,
                gzip.length,
                plain.length,
                (double) plain.length / BenchData.FILE_RECORDS,
                sources.size(),
                names.size(),
                100.0 * errors / BenchData.FILE_RECORDS,
                100.0 * data / BenchData.FILE_RECORDS));
        out("- identity types: " + identities);
        out(String.format(
                Locale.ROOT,
                "- single-record rows: the first %,d records, each as its own JSON text " + "(%.0f B/record)",
                BenchData.TEXT_RECORDS,
                textBytesPerRecord));
    }

    private final Map<Integer, Double> examined = new TreeMap<>();

    private void checkContenders(byte[] gzip, List<String> texts) throws Exception {
        List<CloudTrailRecord> parsed = BenchData.records(BenchData.TEXT_RECORDS);
        for (int n : new int[] {10, 100, 1000}) {
            RuleSet set = BenchRules.ruleSet(n);
            long total = 0;
            for (CloudTrailRecord r : parsed) {
                total += set.evaluation(r).rulesExamined();
            }
            examined.put(n, (double) total / parsed.size());
        }
        out("");
        out("## Checks");
        out("");
        int cpl = 0;
        ObjectMapper mapper = new ObjectMapper();
        DefaultEventSerializer events = new DefaultEventSerializer(
                new com.amazonaws.services.cloudtrail.processinglibrary.model.CloudTrailLog("bucket", "key"),
                mapper.getFactory().createParser(new GZIPInputStream(new ByteArrayInputStream(gzip))));
        while (events.hasNextEvent()) {
            if (events.getNextEvent().getEventData().getEventId() != null) {
                cpl++;
            }
        }
        events.close();
        int trailkit = BenchData.records(BenchData.FILE_RECORDS).size();
        out("- records read from the file: Processing Library " + cpl + " (with an eventID each), trailkit "
                + trailkit + ", expected " + BenchData.FILE_RECORDS + " (Jackson "
                + com.fasterxml.jackson.core.json.PackageVersion.VERSION + " on the class path)");
        if (cpl != BenchData.FILE_RECORDS || trailkit != BenchData.FILE_RECORDS) {
            throw new IllegalStateException("the contenders do not read the same records");
        }
        Machine machine = BenchRules.machine(100);
        RuleSet rules = BenchRules.ruleSet(100);
        Map<String, int[]> perRule = new TreeMap<>();
        long recordsRuler = 0;
        long recordsTrailkit = 0;
        for (String t : texts) {
            List<String> a = machine.rulesForJSONEvent(t);
            List<Finding> b = rules.findings(CloudTrail.reader().readRecord(t));
            recordsRuler += a.isEmpty() ? 0 : 1;
            recordsTrailkit += b.isEmpty() ? 0 : 1;
            for (String id : a) {
                perRule.computeIfAbsent(id, k -> new int[2])[0]++;
            }
            for (Finding f : b) {
                perRule.computeIfAbsent(f.ruleId(), k -> new int[2])[1]++;
            }
        }
        List<String> differ = new ArrayList<>();
        long matches = 0;
        for (Map.Entry<String, int[]> e : perRule.entrySet()) {
            matches += e.getValue()[1];
            if (e.getValue()[0] != e.getValue()[1]) {
                differ.add(e.getKey() + " (Event Ruler " + e.getValue()[0] + ", trailkit " + e.getValue()[1] + ")");
            }
        }
        out(String.format(
                Locale.ROOT,
                "- 100 rules on the %,d single records: %d rules fire, %,d matches; records with "
                        + "a match: Event Ruler %,d, trailkit %,d; rules whose counts differ: %s",
                texts.size(),
                perRule.size(),
                matches,
                recordsRuler,
                recordsTrailkit,
                differ.isEmpty() ? "none" : differ));
    }

    // ------------------------------------------------------------------------------------------------ JMH

    private int warmups() {
        return quick ? 1 : 5;
    }

    private int iterations() {
        return quick ? 2 : 5;
    }

    private int seconds() {
        return quick ? 1 : 2;
    }

    private void measure(String key, String benchmark, int rules) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\Q" + Report.class.getPackageName() + "." + benchmark + "\\E$")
                .forks(1)
                .warmupIterations(warmups())
                .warmupTime(TimeValue.seconds(seconds()))
                .measurementIterations(iterations())
                .measurementTime(TimeValue.seconds(seconds()))
                .timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (benchmark.startsWith("MatchBenchmarks") || benchmark.startsWith("ReadMatchBenchmarks")) {
            options = options.param("rules", String.valueOf(rules));
        }
        long t0 = System.nanoTime();
        RunResult r = new Runner(options.build()).runSingle();
        Result<?> primary = r.getPrimaryResult();
        double alloc = Double.NaN;
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                alloc = e.getValue().getScore();
            }
        }
        Measured m = new Measured(primary.getScore(), primary.getScoreError(), alloc);
        results.put(key, m);
        System.out.printf(
                Locale.ROOT,
                "  %-34s rules=%-5d %,12.0f records/s ± %,.0f  %,8.0f B/record  (%d s, load %s)%n",
                benchmark,
                rules,
                m.recordsPerSecond(),
                m.error(),
                alloc,
                (System.nanoTime() - t0) / 1_000_000_000L,
                loadAverage());
    }

    // ------------------------------------------------------------------------------------------------ child JVMs

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> runChild(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + lines);
        }
        return lines;
    }

    /** records, bytes, peak heap used, heap in use after the last collection, findings. */
    private long[] heapProbe(long bytes) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> lines = runChild(List.of(
                javaCommand(),
                "-Xmx" + HEAP_MB + "m",
                "-cp",
                System.getProperty("java.class.path"),
                HeapProbe.class.getName(),
                String.valueOf(bytes)));
        String[] f = lines.get(lines.size() - 1).trim().split(" ");
        long[] v = Arrays.stream(f).mapToLong(Long::parseLong).toArray();
        System.out.printf(
                Locale.ROOT,
                "  heap: %,d bytes, %,d records, peak heap %,d B, live %,d B (%d s)%n",
                v[1],
                v[0],
                v[2],
                v[3],
                (System.nanoTime() - t0) / 1_000_000_000L);
        return v;
    }

    /** milliseconds from process start to first finding (median of 3), JVM uptime at that point (median). */
    private long[] coldStart() throws IOException, InterruptedException {
        Path file = Files.createTempFile("trailkit-coldstart", ".json.gz");
        try {
            Files.write(file, BenchData.generateGzip(1_000, BenchData.SEED));
            long[] wall = new long[3];
            long[] uptime = new long[3];
            String first = "";
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                List<String> lines = runChild(List.of(
                        javaCommand(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ColdStart.class.getName(),
                        file.toString()));
                wall[i] = (System.nanoTime() - t0) / 1_000_000L;
                String[] f = lines.get(lines.size() - 1).split(" ");
                if (!f[0].equals("first-finding")) {
                    throw new IllegalStateException("no finding in the cold start file");
                }
                uptime[i] = Long.parseLong(f[1]);
                first = "record " + f[2] + ", rule " + f[3];
            }
            Arrays.sort(wall);
            Arrays.sort(uptime);
            System.out.printf(
                    Locale.ROOT,
                    "  cold start: %d ms to first finding (%s), JVM uptime %d ms%n",
                    wall[1],
                    first,
                    uptime[1]);
            return new long[] {wall[1], uptime[1]};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * {@code cloudtrail scan} over {@link #SCAN_FILES} generated gzip files with 1 and 2 threads, in this JVM: best
     * records/s of each over {@link #SCAN_PASSES} alternating passes after a warm-up pass of each; then the JSON bytes
     * of the files and the findings of a pass.
     */
    private double[] scan() throws IOException {
        Path dir = Files.createTempDirectory("trailkit-scan");
        try {
            Path logs = Files.createDirectories(dir.resolve("logs"));
            long bytes = 0;
            for (int i = 0; i < SCAN_FILES; i++) {
                byte[] gzip = BenchData.generateGzip(SCAN_RECORDS, BenchData.SEED + 1 + i);
                bytes += BenchData.gunzip(gzip).length;
                Files.write(logs.resolve(String.format(Locale.ROOT, "trail-%02d.json.gz", i)), gzip);
            }
            Path rules = dir.resolve("rules-100.yaml");
            try (InputStream in = Report.class.getClassLoader().getResourceAsStream(BenchRules.RESOURCE)) {
                Files.copy(in, rules);
            }
            long[] findings = new long[1];
            scanPass(1, rules, logs, findings, true);
            long oneThread = findings[0];
            scanPass(2, rules, logs, findings, true);
            if (findings[0] != oneThread) {
                throw new IllegalStateException("cloudtrail scan printed " + oneThread + " findings with 1 thread and "
                        + findings[0] + " with 2");
            }
            double best1 = 0;
            double best2 = 0;
            for (int pass = 0; pass < SCAN_PASSES; pass++) {
                best1 = Math.max(best1, scanPass(1, rules, logs, findings, false));
                best2 = Math.max(best2, scanPass(2, rules, logs, findings, false));
            }
            System.out.printf(
                    Locale.ROOT,
                    "  scan: %,.0f records/s with 1 thread, %,.0f with 2 (%.2f×), %,d findings a " + "pass (load %s)%n",
                    best1,
                    best2,
                    best2 / best1,
                    findings[0],
                    loadAverage());
            return new double[] {best1, best2, bytes, findings[0]};
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * One in-process run of {@code cloudtrail scan --threads N}: records/s. With {@code count}, the lines it prints are
     * counted into {@code found}; else they are thrown away unread, and the run must report as many findings as {@code
     * found} holds. Only the warm-up passes count: counting is a loop over every byte printed, on the thread that
     * prints, which in a timed pass would compete with the workers of a 2-thread scan for the 2 cores and cost a
     * 1-thread scan nothing.
     */
    private static double scanPass(int threads, Path rules, Path logs, long[] found, boolean count) {
        long[] lines = new long[1];
        OutputStream printed = !count
                ? OutputStream.nullOutputStream()
                : new OutputStream() {
                    @Override
                    public void write(int b) {
                        if (b == '\n') {
                            lines[0]++;
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        for (int i = off; i < off + len; i++) {
                            if (b[i] == '\n') {
                                lines[0]++;
                            }
                        }
                    }
                };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int exit = CloudTrailCommand.run(
                new String[] {"scan", "--threads", String.valueOf(threads), "--rules", rules.toString(), logs.toString()
                },
                out,
                errStream);
        long nanos = System.nanoTime() - t0;
        out.flush();
        String summary = err.toString(StandardCharsets.UTF_8);
        long records = (long) SCAN_FILES * SCAN_RECORDS;
        if (exit != 0
                || !summary.contains("scanned " + SCAN_FILES + " files, " + records + " records: ")
                || !summary.contains(" 0 problems")
                || !count && !summary.contains(" records: " + found[0] + " finding")) {
            throw new IllegalStateException("cloudtrail scan --threads " + threads + " failed (" + exit + "): "
                    + summary + (count ? "" : " (expected " + found[0] + " findings)"));
        }
        if (count) {
            found[0] = lines[0];
        }
        return records / (nanos / 1e9);
    }

    // ------------------------------------------------------------------------------------------------ the table

    private void table(
            double fileBpr, double textBpr, long[] heap256, long[] heap1g, long[] cold, long[] lambda, double[] scan) {
        out("");
        out("## Results");
        if (!results.isEmpty()) {
            jmhTable(fileBpr, textBpr);
        }
        if (heap256 != null) {
            heapTable(heap256, heap1g);
        }
        if (cold != null) {
            coldStartText(cold, lambda);
        }
        if (scan != null) {
            scanTable(scan);
        }
        if (!results.isEmpty()) {
            out("");
            out(
                    "Ratios to the floor of the single-record rows compare different inputs (one JSON text per record vs one "
                            + "gzip file) and are given for scale only; their MB/s counts the JSON text.");
        }
    }

    private void jmhTable(double fileBpr, double textBpr) {
        double floor = results.get("floor").recordsPerSecond();
        out("");
        out("| row | records/s | MB/s (uncompressed JSON) | ratio to floor | alloc B/record | target |");
        out("|---|---:|---:|---:|---:|---|");
        row("floor: gzip inflate + Jackson token pass, building nothing", "floor", fileBpr, floor, "");
        row("naive: `ObjectMapper.readTree` of the whole file", "naive", fileBpr, floor, "");
        row("AWS CloudTrail Processing Library 1.1.3 (`DefaultEventSerializer`)", "cpl", fileBpr, floor, "");
        double read = results.get("read").recordsPerSecond();
        row(
                "**trailkit read**: gzip to typed records, inflating on a second thread (the default with "
                        + Runtime.getRuntime().availableProcessors() + " processors)",
                "read",
                fileBpr,
                floor,
                Runtime.getRuntime().availableProcessors() > 1
                        ? atLeast(read / floor, 1.25, "of the floor (one thread)")
                        : "≥ 1.25 of the floor: needs 2 cores, 1 here");
        row(
                "trailkit read on one thread (`inflateOn(Runnable::run)`, the one-core path)",
                "read1t",
                fileBpr,
                floor,
                atLeast(results.get("read1t").recordsPerSecond() / floor, 0.80, "of the floor"));
        // read + N rules: what a record costs where trailkit matches; 100 rules is the "read + 100 rules"
        double read10 = 1e9 / results.get("read10").recordsPerSecond();
        for (int n : new int[] {10, 100, 1000}) {
            Measured m = results.get("read" + n);
            double cost = 1e9 / m.recordsPerSecond();
            String target = n == 100
                    ? atLeast(m.recordsPerSecond() / floor, 1.10, "of the floor (one thread)")
                    : n == 1000 ? atMost(cost / read10, 1.5, "× the cost per record with 10") : "";
            row(
                    String.format(
                            Locale.ROOT,
                            "**trailkit read + %,d rules**: %.0f ns/record, %.1f rules examined per " + "record",
                            n,
                            cost,
                            examined.get(n)),
                    "read" + n,
                    fileBpr,
                    floor,
                    target);
        }
        row(
                "Event Ruler 2.1.0 `rulesForJSONEvent`, 100 patterns, per-record JSON text",
                "ruler100",
                textBpr,
                floor,
                "");
        double ruler = results.get("ruler100").recordsPerSecond();
        double json = results.get("json100").recordsPerSecond();
        row(
                "**trailkit parse + match** from the same JSON text, 100 rules",
                "json100",
                textBpr,
                floor,
                atLeast(json / ruler, 3.5, "× Event Ruler"));
        row("Event Ruler 2.1.0, 1,000 patterns, per-record JSON text", "ruler1000", textBpr, floor, "");
        double match10 = 1e9 / results.get("match10").recordsPerSecond();
        for (int n : new int[] {10, 100, 1000}) {
            double cost = 1e9 / results.get("match" + n).recordsPerSecond();
            row(
                    String.format(
                            Locale.ROOT,
                            "trailkit match only (%,d records parsed beforehand), %,d rules: %.0f " + "ns/record%s",
                            BenchData.TEXT_RECORDS,
                            n,
                            cost,
                            n == 10 ? "" : String.format(Locale.ROOT, " (%.2f× the cost with 10)", cost / match10)),
                    "match" + n,
                    Double.NaN,
                    floor,
                    "");
        }
    }

    private void heapTable(long[] heap256, long[] heap1g) {
        out("");
        out(String.format(
                Locale.ROOT,
                "| streaming read + 100 rules, `-Xmx%dm` | bytes JSON | records | peak heap used "
                        + "| heap in use after last GC | target |",
                HEAP_MB));
        out("|---|---:|---:|---:|---:|---|");
        out(String.format(
                Locale.ROOT,
                "| 256 MB log | %,d | %,d | %.1f MB | %.1f MB | |",
                heap256[1],
                heap256[0],
                heap256[2] / 1e6,
                heap256[3] / 1e6));
        out(String.format(
                Locale.ROOT,
                "| 1 GB log | %,d | %,d | %.1f MB | %.1f MB | %s |",
                heap1g[1],
                heap1g[0],
                heap1g[2] / 1e6,
                heap1g[3] / 1e6,
                atMost((double) heap1g[3] / heap256[3], 1.25, "× the heap in use after GC at 256 MB (flat)")));
        out("");
        out("Both runs finish in a " + HEAP_MB + " MB heap. Peak heap used counts garbage not yet collected, so it "
                + "follows how large G1 makes the young generation, not the file; the heap in use after a collection is "
                + "what the reader keeps alive, and is what must not grow with the file.");
    }

    private void coldStartText(long[] cold, long[] lambda) {
        out("");
        out(String.format(
                Locale.ROOT,
                "Cold start (median of 3 fresh JVMs, no Lambda runtime, no network): %d ms from "
                        + "starting `java` to the first finding — load the 100-rule YAML document from the class path, compile it, "
                        + "open a 1,000-record gzip log file and read until a rule matches (JVM uptime at the finding: %d ms).",
                cold[0],
                cold[1]));
        if (lambda == null || coldResults.isEmpty()) {
            return;
        }
        HandlerColdStartRuns.ColdResult head = coldResults.get(0);
        boolean lean = !coldClassPath.equals(System.getProperty("java.class.path"));
        out("");
        out(String.format(
                Locale.ROOT,
                "Lambda handler cold start (median of %d fresh JVMs per row, the rows' runs alternating, no Lambda "
                        + "runtime; the log object is served over loopback HTTP by S3Proxy running in the report's JVM, so "
                        + "nothing in the measured JVM is loaded or compiled beforehand; %s): **%d ms** from the JVM's start "
                        + "(`RuntimeMXBean.getStartTime()`) to the first finding delivered to a sink, with %s — build the S3 "
                        + "client (URLConnection HTTP client), load and compile the 100-rule YAML document from the class path, "
                        + "build `TrailkitHandler`, hand it one S3 `ObjectCreated:Put` event naming a %,d-byte gzip log of %,d "
                        + "records whose first record matches: it decodes the event, GETs the object, reads and matches every "
                        + "record, then delivers the findings (%d of them) to the sink. Of these, %d ms from building to the "
                        + "finding and %d ms before the clock started (JVM boot and `main`); %d ms from spawning `java` to its "
                        + "exit. The baseline beside it is a bare function on the same class path and options that builds the "
                        + "same S3 client, GETs the same object and counts its bytes. The machine is shared: %s (2 cores); "
                        + "the CPU column (the process's CPU time, all threads, at the same moment) moves less with the load "
                        + "than the wall times do.",
                LAMBDA_JVMS,
                lean
                        ? "class path: the function jar (`cloudtrail-lambda-adapter-*-function.jar`, what a deployed "
                                + "function has) and a jar of the two programs and the rule document"
                        : "class path: benchmarks.jar, because no function jar was found (build cloudtrail-lambda-adapter's "
                                + "package first); not what a deployed function has",
                lambda[1],
                head.config().label(),
                lambda[4],
                lambda[5],
                lambda[6],
                lambda[0],
                lambda[2],
                lambda[3],
                coldLoad));
        out("");
        out("| handler cold start, median of " + LAMBDA_JVMS
                + " JVMs | HTTP client | JVM options | baseline: bare S3 "
                + "GET, ms from JVM start | handler: ms from JVM start to first finding | handler / baseline | CPU ms "
                + "(all threads), baseline / handler | target |");
        out("|---|---|---|---:|---:|---:|---:|---|");
        for (HandlerColdStartRuns.ColdResult r : coldResults) {
            double ratio = (double) r.handler()[1] / r.baseline()[1];
            String target =
                    r == head ? atMostMillis(r.handler()[1], 600) + "; " + atMost(ratio, 1.6, "× the baseline") : "";
            out(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d (runs %s) | %d (runs %s) | %.2f | %d / %d | %s |",
                    r == head ? "**100 rules, 1,000-record object**" : "100 rules, 1,000-record object",
                    r.config().http(),
                    r.config().label(),
                    r.baseline()[1],
                    r.baselineRuns(),
                    r.handler()[1],
                    r.handlerRuns(),
                    ratio,
                    r.baseline()[4],
                    r.handler()[4],
                    target));
        }
    }

    private void scanTable(double[] scan) {
        out("");
        out(String.format(
                Locale.ROOT,
                "| `cloudtrail scan --rules rules-100.yaml DIR`, %d gzip files × %,d records "
                        + "(%,.0f MB JSON), in-process, output discarded, best of %d | records/s | MB/s | ratio to 1 thread "
                        + "| target |",
                SCAN_FILES,
                SCAN_RECORDS,
                scan[2] / 1e6,
                SCAN_PASSES));
        out("|---|---:|---:|---:|---|");
        double perRecord = scan[2] / ((double) SCAN_FILES * SCAN_RECORDS);
        out(String.format(Locale.ROOT, "| `--threads 1` | %,.0f | %.0f | 1.00 | |", scan[0], scan[0] * perRecord / MB));
        out(String.format(
                Locale.ROOT,
                "| `--threads 2` | %,.0f | %.0f | %.2f | %s |",
                scan[1],
                scan[1] * perRecord / MB,
                scan[1] / scan[0],
                atLeast(scan[1] / scan[0], 1.7, "× 1 thread")));
        out("");
        out(String.format(
                Locale.ROOT,
                "records/s is the %,d records over the wall time of `CloudTrailCommand.run` (rule "
                        + "loading, directory listing, reading, matching and printing %,.0f findings a pass to a null stream), "
                        + "after one warm-up pass of each, which counts the lines printed (each timed pass must report as many "
                        + "findings); the passes alternate 1 and 2 threads. %d processors here.",
                SCAN_FILES * SCAN_RECORDS,
                scan[3],
                Runtime.getRuntime().availableProcessors()));
    }

    private void row(String label, String key, double bytesPerRecord, double floor, String target) {
        Measured m = results.get(key);
        out(String.format(
                Locale.ROOT,
                "| %s | %,.0f ± %,.0f | %s | %.2f | %s | %s |",
                label,
                m.recordsPerSecond(),
                m.error(),
                Double.isNaN(bytesPerRecord)
                        ? "–"
                        : String.format(Locale.ROOT, "%.0f", m.recordsPerSecond() * bytesPerRecord / MB),
                m.recordsPerSecond() / floor,
                Double.isNaN(m.allocPerRecord()) ? "–" : String.format(Locale.ROOT, "%,.0f", m.allocPerRecord()),
                target));
    }

    static String atLeast(double value, double target, String unit) {
        if (value >= target) {
            return String.format(
                    Locale.ROOT, "≥ %.2f %s: **met** (%.2f, %+.0f%%)", target, unit, value, 100 * (value / target - 1));
        }
        // three decimals when two would round a miss up to the target
        return String.format(
                Locale.ROOT,
                value >= target - 0.005
                        ? "≥ %.2f %s: **missed** (%.3f, %.1f%% short)"
                        : "≥ %.2f %s: **missed** (%.2f, %.0f%% short)",
                target,
                unit,
                value,
                100 * (1 - value / target));
    }

    private static String atMostMillis(long value, long target) {
        return value <= target
                ? String.format(Locale.ROOT, "≤ %d ms: **met** (%d)", target, value)
                : String.format(
                        Locale.ROOT,
                        "≤ %d ms: **missed** (%d, %.0f%% over)",
                        target,
                        value,
                        100.0 * value / target - 100);
    }

    private static String atMost(double value, double target, String unit) {
        if (value <= target) {
            return String.format(Locale.ROOT, "≤ %.2f %s: **met** (%.2f)", target, unit, value);
        }
        return String.format(
                Locale.ROOT,
                "≤ %.2f %s: **missed** (%.2f, %.0f%% over)",
                target,
                unit,
                value,
                100 * (value / target - 1));
    }

    // ------------------------------------------------------------------------------------------------ machine

    private void out(String line) {
        System.out.println(line);
        md.append(line).append('\n');
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            Set<String> models = new TreeSet<>();
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    models.add(l.substring(l.indexOf(':') + 1).trim());
                }
            }
            return models.isEmpty() ? System.getProperty("os.arch") : String.join(" / ", models);
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "? GiB";
    }
}
