/**
 * Example Lambdas built on {@link io.github.trailkit.lambda.TrailkitHandler}, each ready to deploy with the AWS SAM
 * template in {@code examples/sam/}:
 *
 * <ul>
 *   <li>{@link io.github.trailkit.examples.CreateTopicNotifier}: the seed scenario, an SNS message when someone creates
 *       an SNS topic (a rule in the Java DSL);
 *   <li>{@link io.github.trailkit.examples.RootActivityAlarm}: CIS's root account activity alarm (a rule document);
 *   <li>{@link io.github.trailkit.examples.CustomSinkExample}: findings posted to a webhook by a sink written in code,
 *       {@link io.github.trailkit.examples.WebhookSink}.
 * </ul>
 *
 * <pre>{@code
 * Handler: io.github.trailkit.examples.CreateTopicNotifier::handleRequest   (runtime java25, env TOPIC_ARN)
 * }</pre>
 */
package io.github.trailkit.examples;
