/**
 * Testing with trailkit: AssertJ assertions over records, rules and rule sets, record fixtures, and a runner that
 * checks rules against example records listed in a file.
 *
 * <p>Start at {@link io.github.trailkit.test.CloudTrailAssertions} ({@code assertThat}), {@link
 * io.github.trailkit.test.CloudTrailRecords} (fixtures and loading) and {@link io.github.trailkit.test.RuleTests}
 * (the runner, for JUnit's {@code @TestFactory}); {@link io.github.trailkit.test.LambdaEvents} builds the Lambda
 * events that carry records without a log file (EventBridge, CloudWatch Logs, through SQS, SNS and Kinesis).
 */
package io.github.trailkit.test;
