package io.github.trailkit.rules;

import io.github.trailkit.model.TrailkitException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule document (or a single event pattern) is invalid. It carries every problem found in the document, not just
 * the first, each with its position; its message is those problems, one per line. Nothing of an invalid document is
 * loaded.
 *
 * <pre>{@code
 * try {
 *     List<Rule> rules = RuleDocuments.read(Path.of("rules/iam.yaml"));
 * } catch (RuleDocumentException e) {
 *     e.problems().forEach(p -> System.err.println(p)); // rules/iam.yaml:12:20: ...
 * }
 * }</pre>
 */
public class RuleDocumentException extends TrailkitException {
    private static final long serialVersionUID = 1L;

    private final List<RuleDocumentProblem> problems;

    /** An exception for these problems (at least one). */
    public RuleDocumentException(List<RuleDocumentProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<RuleDocumentProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RuleDocumentException needs at least one problem");
        }
        return problems.stream().map(RuleDocumentProblem::toString).collect(Collectors.joining("\n"));
    }

    /** The problems, in document order. */
    public List<RuleDocumentProblem> problems() {
        return problems;
    }
}
