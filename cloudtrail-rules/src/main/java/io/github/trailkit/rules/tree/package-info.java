/**
 * The located-tree reader behind every rule format: JSON or YAML read into a {@link io.github.trailkit.rules.tree.Tree}
 * of {@link io.github.trailkit.rules.tree.Node}s that know their line and column, under one policy of size, depth,
 * encoding and YAML semantics. Tools that read files beside rules (such as rule test files) use it to get the same
 * refusals and the same positions as the rule readers.
 *
 * <pre>{@code
 * Tree tree = TreeReader.read(bytes, TreeReader.Syntax.YAML);
 * Node first = tree.root().get("cases").elements().get(0);
 * }</pre>
 *
 * <p>This package imports nothing from {@code io.github.trailkit.rules}; the rule readers build on it.
 */
package io.github.trailkit.rules.tree;
