package io.github.trailkit.rules;

import java.util.Objects;

/**
 * One problem in a rule document: where it is (the document's source name, a 1-based line and column) and what is
 * wrong, including what was expected. {@link #toString()} is the compiler-style {@code source:line:column: message}.
 *
 * <pre>{@code
 * for (RuleDocumentProblem p : RuleDocuments.check(Path.of("rules/iam.yaml"))) {
 *     System.err.println(p);
 *     // rules/iam.yaml:7:9: unknown key "patern"; expected one of id, title, description, references, severity, tags, dedupKey, pattern
 * }
 * }</pre>
 */
public final class RuleDocumentProblem {
    private final String source;
    private final int line;
    private final int column;
    private final String message;

    private RuleDocumentProblem(String source, int line, int column, String message) {
        this.source = Objects.requireNonNull(source, "source");
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * A problem at {@code line} and {@code column} (1-based; smaller values are taken as 1) of the document named
     * {@code source}.
     */
    public static RuleDocumentProblem of(String source, int line, int column, String message) {
        return new RuleDocumentProblem(source, line, column, message);
    }

    /** The document's name: the file path, the classpath resource name, or {@code <pattern>}. */
    public String source() {
        return source;
    }

    /** The line of the problem, from 1. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1. */
    public int column() {
        return column;
    }

    /** What is wrong and what was expected, without the position. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RuleDocumentProblem)) {
            return false;
        }
        RuleDocumentProblem p = (RuleDocumentProblem) o;
        return line == p.line && column == p.column && source.equals(p.source) && message.equals(p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, line, column, message);
    }

    /** {@code source:line:column: message}, as compilers print errors. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
