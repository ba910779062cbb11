package io.github.trailkit.rules.tree;

/**
 * Why a document, or part of it, cannot be read, and where: a syntax error ({@link #syntax()} true, in the parser's
 * words) or a refusal of the reading policy (a bound, an anchor or alias, a duplicate key).
 *
 * <pre>{@code
 * for (TreeProblem p : tree.problems()) {
 *     System.err.println(file + ":" + p.line() + ":" + p.column() + ": " + p.message());
 * }
 * }</pre>
 *
 * @param line the 1-based line
 * @param column the 1-based column
 * @param message what is wrong, without the position
 * @param syntax true for a JSON or YAML syntax error, false for a refusal of the policy
 */
public record TreeProblem(int line, int column, String message, boolean syntax) {}
