/**
 * Rules over CloudTrail records: conditions, the fluent DSL ({@link io.github.trailkit.rules.Rules}), compiled rule
 * sets ({@link io.github.trailkit.rules.RuleSet}) and EventBridge-pattern rule documents ({@link
 * io.github.trailkit.rules.RuleDocuments}).
 */
@TrailkitRulesStyle
package io.github.trailkit.rules;
