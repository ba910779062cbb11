package io.github.trailkit.cli;

import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocumentException;
import io.github.trailkit.rules.RuleDocumentProblem;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.SigmaRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loading rule documents and Sigma rules named on a command line, reporting every problem of every file. */
final class RuleFiles {
    private RuleFiles() {}

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
