/**
 * Fixtures for testing a trailkit Lambda handler end to end, with the real AWS SDK v2 clients and nothing beyond
 * loopback: {@link io.github.trailkit.lambda.testing.LoopbackS3} (S3Proxy in-process, with scriptable faults),
 * {@link io.github.trailkit.lambda.testing.RecordingAwsEndpoint} (SNS, EventBridge and CloudTrail on the wire,
 * recorded, with scriptable failures) and {@link io.github.trailkit.lambda.testing.TriggerEvents} (Lambda events of
 * every trigger shape). Add the artifact in test scope:
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.github.trailkit</groupId>
 *   <artifactId>cloudtrail-lambda-test</artifactId>
 *   <version>${trailkit.version}</version>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 */
package io.github.trailkit.lambda.testing;
