package io.github.trailkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command line as users run it: each run a fresh JVM over the same directory of generated gzip logs, its stdout
 * to {@code /dev/null}, timed from spawn to exit, best of three passes that take the commands in turn. The floor is
 * {@link FloorProcess} in its own JVM. Then the cost as the work grows: the same commands over 10,000 and 100,000
 * records (and 1,000,000 with {@code --scale-1m}).
 */
final class ColdCli {
    private static final int FILE_RECORDS = 25_000;
    private static final int FILES = 8;
    private static final int PASSES = 3;
    private static final String NOTHING = "rules:\n  - id: matches-nothing\n    title: An event name no record has\n"
            + "    pattern: {eventName: [NoSuchEventNameAnywhere]}\n";

    private ColdCli() {}

    static List<String> rows(boolean million, boolean quick) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("trailkit-cold");
        try {
            Path rules100 = dir.resolve("rules-100.yaml");
            try (InputStream in = ColdCli.class.getClassLoader().getResourceAsStream(BenchRules.RESOURCE)) {
                Files.copy(in, rules100);
            }
            Path nothing = Files.writeString(dir.resolve("nothing.yaml"), NOTHING);
            List<String> md = new ArrayList<>();
            int files = quick ? 2 : FILES;
            Path logs = logs(dir.resolve("logs"), files, FILE_RECORDS);
            long records = (long) files * FILE_RECORDS;
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("floor: inflate + Jackson token pass (`FloorProcess`), one thread", floor(logs));
            commands.put("`cloudtrail records DIR > /dev/null`", cli("records", logs.toString()));
            commands.put(
                    "`cloudtrail scan --rules nothing.yaml DIR` (1 rule, no finding)",
                    cli("scan", "--rules", nothing.toString(), logs.toString()));
            commands.put(
                    "`cloudtrail scan --rules rules-100.yaml DIR` (100 rules)",
                    cli("scan", "--rules", rules100.toString(), logs.toString()));
            commands.put(
                    "`cloudtrail scan --threads 2 --rules rules-100.yaml DIR`",
                    cli("scan", "--threads", "2", "--rules", rules100.toString(), logs.toString()));
            String loadBefore = Report.loadAverage();
            Map<String, Long> best = bestOf(commands, quick ? 1 : PASSES);
            String loadAfter = Report.loadAverage();
            double floor = records / (best.values().iterator().next() / 1e3);
            md.add("");
            md.add(String.format(
                    Locale.ROOT,
                    "| the command line cold: %d gzip files × %,d records, each run a fresh JVM (`%s`), stdout to "
                            + "/dev/null, spawn to exit, best of %d | ms | records/s | ratio to the floor process | "
                            + "target |",
                    files,
                    FILE_RECORDS,
                    javaVersion(),
                    quick ? 1 : PASSES));
            md.add("|---|---:|---:|---:|---|");
            for (Map.Entry<String, Long> e : best.entrySet()) {
                double rps = records / (e.getValue() / 1e3);
                String target = e.getKey().contains("--rules") && !e.getKey().contains("--threads")
                        ? Report.atLeast(rps / floor, 0.70, "of the floor process")
                        : "";
                md.add(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %,.0f | %.2f | %s |",
                        e.getKey(),
                        e.getValue(),
                        rps,
                        rps / floor,
                        target));
            }
            md.add("");
            md.add("load average before and after these runs: " + loadBefore + " / " + loadAfter + ".");

            List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));
            if (million) {
                sizes.add(1_000_000);
            }
            md.add("");
            md.add("| records in one directory (files of ≤ 25,000 records), fresh JVMs, best of " + (quick ? 1 : PASSES)
                    + " | floor records/s | `scan`, 100 rules, records/s | ratio | `records > /dev/null`, records/s |"
                    + " ratio |");
            md.add("|---:|---:|---:|---:|---:|---:|");
            for (int size : sizes) {
                Path d = logs(dir.resolve("scale-" + size), (size + FILE_RECORDS - 1) / FILE_RECORDS, 0, size);
                Map<String, List<String>> c = new LinkedHashMap<>();
                c.put("floor", floor(d));
                c.put("scan", cli("scan", "--rules", rules100.toString(), d.toString()));
                c.put("records", cli("records", d.toString()));
                Map<String, Long> b = bestOf(c, quick || size >= 1_000_000 ? 1 : PASSES);
                double f = size / (b.get("floor") / 1e3);
                double sc = size / (b.get("scan") / 1e3);
                double rec = size / (b.get("records") / 1e3);
                md.add(String.format(
                        Locale.ROOT,
                        "| %,d | %,.0f | %,.0f | %.2f | %,.0f | %.2f |",
                        size,
                        f,
                        sc,
                        sc / f,
                        rec,
                        rec / f));
            }
            md.add("");
            md.add("load average after the scaling rows: " + Report.loadAverage()
                    + (million ? "" : "; 1,000,000 records with `--scale-1m` (several minutes more)") + ".");
            return md;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path logs(Path dir, int files, int recordsPerFile) throws IOException {
        return logs(dir, files, recordsPerFile, (long) files * recordsPerFile);
    }

    /** {@code total} records in files of at most {@code FILE_RECORDS}. */
    private static Path logs(Path dir, int files, int ignored, long total) throws IOException {
        Files.createDirectories(dir);
        long left = total;
        for (int i = 0; left > 0; i++) {
            int n = (int) Math.min(FILE_RECORDS, left);
            Files.write(
                    dir.resolve(String.format(Locale.ROOT, "trail-%04d.json.gz", i)),
                    BenchData.generateGzip(n, BenchData.SEED + 1 + i));
            left -= n;
        }
        return dir;
    }

    private static Map<String, Long> bestOf(Map<String, List<String>> commands, int passes)
            throws IOException, InterruptedException {
        Map<String, Long> best = new LinkedHashMap<>();
        for (int pass = 0; pass < passes; pass++) {
            for (Map.Entry<String, List<String>> e : commands.entrySet()) {
                long ms = run(e.getValue());
                best.merge(e.getKey(), ms, Math::min);
                System.out.printf(Locale.ROOT, "  %s: %,d ms (load %s)%n", e.getKey(), ms, Report.loadAverage());
            }
        }
        return best;
    }

    private static long run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("trailkit-cold", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            int exit = p.waitFor();
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            if (exit != 0) {
                throw new IllegalStateException(
                        command + " exited with " + exit + ": " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return ms;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static List<String> floor(Path dir) {
        return List.of(
                java(), "-cp", System.getProperty("java.class.path"), FloorProcess.class.getName(), dir.toString());
    }

    /** The command line as shipped ({@code cloudtrail-cli/target/cloudtrail.jar}) when built, else from this class path. */
    private static List<String> cli(String... args) {
        List<String> c = new ArrayList<>();
        c.add(java());
        Path jar = Path.of(System.getProperty("cli.jar", "cloudtrail-cli/target/cloudtrail.jar"));
        if (Files.isRegularFile(jar)) {
            String jsa = jar.toString().replaceAll("\\.jar$", ".jsa");
            if (Files.isRegularFile(Path.of(jsa)) && !Boolean.getBoolean("cli.nocds")) {
                c.add("-XX:SharedArchiveFile=" + jsa);
            }
            c.add("-jar");
            c.add(jar.toString());
        } else {
            c.add("-cp");
            c.add(System.getProperty("java.class.path"));
            c.add("io.github.trailkit.cli.CloudTrailCommand");
        }
        c.addAll(List.of(args));
        return c;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String javaVersion() {
        return "java " + System.getProperty("java.version");
    }
}
