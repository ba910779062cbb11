package io.github.trailkit.cli;

import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocumentException;
import io.github.trailkit.rules.RuleDocumentProblem;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RulePacks;
import io.github.trailkit.rules.RuleSet;
import io.github.trailkit.rules.SigmaRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loading rule documents and Sigma rules named on a command line, reporting every problem of every file. */
final class RuleFiles {
    private RuleFiles() {}

    /**
     * Checks what a command was given before anything is read: at least one rule file or pack, and only packs that
     * exist. Reports the first problem as {@code cloudtrail <command>: ...}.
     *
     * @return whether the command may go on (else it is a usage error)
     */
    static boolean checkNamed(String command, List<Path> ruleFiles, List<String> packs, PrintWriter err) {
        if (ruleFiles.isEmpty() && packs.isEmpty()) {
            err.println("cloudtrail " + command + ": give at least one --rules FILE or --pack NAME");
            return false;
        }
        for (String pack : packs) {
            if (!RulePacks.names().contains(pack)) {
                err.println(SafeText.escape("cloudtrail " + command + ": no rule pack named \"" + pack
                        + "\"; the packs are " + String.join(", ", new TreeSet<>(RulePacks.names()))));
                return false;
            }
        }
        return true;
    }

    /**
     * Every rule of the rule files (directories expanded, {@link #expand}) and of the packs, in that order, as one rule
     * set; {@code null} after reporting every problem of every file. A rule id used twice among the files, or by a file
     * and a pack, is a problem naming both places; a pack named twice, or packs sharing a rule, give that rule once.
     */
    static RuleSet ruleSet(List<Path> ruleFiles, List<String> packs, PrintWriter err) {
        List<Rule> all = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        List<Path> files = expand(ruleFiles, err);
        if (files == null) {
            return null;
        }
        boolean ok = true;
        for (Path file : files) {
            List<Rule> rules = load(file, err);
            if (rules == null) {
                ok = false;
                continue;
            }
            for (Rule r : rules) {
                String first = ids.putIfAbsent(r.id(), file.toString());
                if (first != null) {
                    err.println(SafeText.escape(file + ": rule id \"" + r.id() + "\" is also used in " + first));
                    ok = false;
                }
            }
            all.addAll(rules);
        }
        for (String pack : packs) {
            for (Rule r : RulePacks.byName(pack)) {
                String first = ids.putIfAbsent(r.id(), "--pack " + pack);
                if (first == null) {
                    all.add(r);
                } else if (!first.startsWith("--pack ")) {
                    err.println(SafeText.escape(
                            "--pack " + pack + ": rule id \"" + r.id() + "\" is also used in " + first));
                    ok = false;
                }
            }
        }
        return ok ? RuleSet.of(all) : null;
    }

    /**
     * The files named, a directory standing for every {@code .yml}, {@code .yaml} and {@code .json} file below it
     * (in path order, hidden files and directories left out); {@code null} after reporting a directory that holds
     * none or cannot be read.
     */
    static List<Path> expand(List<Path> named, PrintWriter err) {
        List<Path> files = new ArrayList<>();
        boolean ok = true;
        for (Path p : named) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(p)) {
                found = walk.filter(f -> Files.isRegularFile(f) && isRuleFile(f) && !hidden(p, f))
                        .sorted()
                        .collect(Collectors.toList());
            } catch (IOException | UncheckedIOException e) {
                err.println("cloudtrail: cannot read the directory " + p + ": " + e.getMessage());
                ok = false;
                continue;
            }
            if (found.isEmpty()) {
                err.println("cloudtrail: no .yml, .yaml or .json rule file in the directory " + p);
                ok = false;
            }
            files.addAll(found);
        }
        return ok ? files : null;
    }

    private static boolean isRuleFile(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json");
    }

    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The rules of one document or Sigma rule (told apart by content); {@code null} after reporting its problems ({@code file:line:column: message}). */
    static List<Rule> load(Path file, PrintWriter err) {
        try {
            // one bounded read of the file for both the sniff and the reader: an endless stream ends at the size limit,
            // and a pipe is read once
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(RuleDocuments.MAX_DOCUMENT_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule document " + file, e);
            }
            if (SigmaRules.isSigmaRule(bytes)) {
                return List.of(SigmaRules.read(new ByteArrayInputStream(bytes), file.toString()));
            }
            return RuleDocuments.read(new ByteArrayInputStream(bytes), file.toString());
        } catch (RuleDocumentException e) {
            for (RuleDocumentProblem p : e.problems()) {
                err.println(SafeText.escape(p.toString()));
            }
            return null;
        } catch (UncheckedIOException e) {
            err.println(SafeText.escape("cloudtrail: " + CloudTrailCommand.describe(e)));
            return null;
        }
    }
}
