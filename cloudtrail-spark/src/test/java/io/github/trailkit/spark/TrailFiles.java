package io.github.trailkit.spark;

import io.github.trailkit.model.GeneratedLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Generated log files written under CloudTrail's key layout in a folder: {@code AWSLogs/<org>/<account>/...}. */
final class TrailFiles {
    static final String ORG = "o-abcdef1234";
    static final String[] ACCOUNTS = {"111122223333", "444455556666"};
    static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    /** Delivery days, 2024-01-0{DAY}. */
    static final int[] DAYS = {1, 2, 3};

    private TrailFiles() {}

    /** One file per account, region and day, {@code records} records each; the paths, sorted. */
    static List<Path> write(Path root, int records) throws IOException {
        List<Path> files = new ArrayList<>();
        long seed = 1;
        for (String account : ACCOUNTS) {
            for (String region : REGIONS) {
                for (int day : DAYS) {
                    Path file = root.resolve(key(account, region, day));
                    Files.createDirectories(file.getParent());
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                        GeneratedLog.records(records, seed++).transferTo(out);
                    }
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    static String key(String account, String region, int day) {
        return String.format(
                "AWSLogs/%s/%s/CloudTrail/%s/2024/01/%02d/%s_CloudTrail_%s_202401%02dT1200Z_Abc%dDef.json.gz",
                ORG, account, region, day, account, region, day, day);
    }
}
