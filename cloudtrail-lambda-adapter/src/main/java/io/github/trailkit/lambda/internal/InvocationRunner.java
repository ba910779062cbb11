package io.github.trailkit.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.trailkit.lambda.internal.Responses.ResultCode;
import io.github.trailkit.lambda.internal.Responses.TaskResult;
import io.github.trailkit.lambda.internal.ops.Deadline;
import io.github.trailkit.lambda.internal.ops.EmfMetrics;
import io.github.trailkit.lambda.internal.ops.Priming;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one invocation: decodes the trigger, splits it into the units of work its kind retries one by one (SQS
 * messages and Kinesis records, Batch Operations tasks, else the whole invocation), runs each, and writes the answer
 * that kind expects: {@code batchItemFailures}, a result per task, or the summary. Logs the summary line and writes
 * the metrics line.
 *
 * <pre>{@code
 * InvocationRunner runner = new InvocationRunner(settings, log, outlets, priming);
 * runner.run(input, output, context);
 * }</pre>
 *
 * <p>Thread-safe: each invocation has its own state.
 */
public final class InvocationRunner {
    private final RuleSet rules;
    private final ReadLimits readLimits;
    private final LambdaLog log;
    private final List<Outlet> outlets;
    private final UnitOfWork units;
    private final long deadlineMarginMillis;
    private final EmfMetrics metrics;
    private final Supplier<PrintStream> stdout;
    private final Priming priming;

    /**
     * @param outlets where findings go, in order
     * @param priming while it is active, nothing is delivered and no metrics line is written
     */
    public InvocationRunner(HandlerSettings settings, LambdaLog log, List<Outlet> outlets, Priming priming) {
        this.rules = settings.rules();
        this.readLimits = settings.readLimits();
        this.log = log;
        this.outlets = List.copyOf(outlets);
        ObjectProcessor objects = new ObjectProcessor(
                settings.s3(),
                rules,
                settings.includeInsights(),
                settings.maxObjectBytes(),
                readLimits,
                log,
                settings.strictFields());
        EventRecordProcessor events = new EventRecordProcessor(rules, readLimits, log, settings.strictFields());
        DigestProcessor digests = settings.verifyDigests()
                ? new DigestProcessor(
                        settings.s3(), settings.publicKeys(), settings.cloudTrail(), settings.digestLimits(), log)
                : null;
        this.units = new UnitOfWork(objects, digests, events, log);
        this.deadlineMarginMillis = settings.deadlineMarginMillis();
        this.metrics = settings.metrics();
        this.stdout = settings.stdout();
        this.priming = priming;
    }

    /**
     * The priming work: the bundled log file through the reader and the rules, the bundled trigger events through
     * the decoder, one bundled CloudTrail event through a whole invocation.
     */
    public void prime() {
        Priming.readSamples(rules, readLimits);
        for (byte[] event : Priming.triggerEvents()) {
            TriggerDecoder.decode(event, readLimits);
        }
        try {
            run(new ByteArrayInputStream(Priming.invocationEvent()), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Handles one invocation.
     *
     * @param context Lambda's context, or null (no request id, no deadline)
     * @throws IllegalArgumentException when the event is of no known shape (nothing to retry)
     * @throws InvocationFailedException when a unit must be retried and the trigger's only way to ask is to fail
     */
    public void run(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        String requestId = context == null ? null : context.getAwsRequestId();
        byte[] event = input.readAllBytes();
        Invocation invocation;
        try {
            invocation = TriggerDecoder.decode(event, readLimits);
        } catch (IllegalArgumentException e) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("reason", e.getMessage());
            log.error("unrecognised event", f);
            throw e;
        }
        for (String reason : invocation.ignored()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requestId", requestId);
            f.put("trigger", invocation.kind().name());
            f.put("reason", reason);
            log.info("event ignored", f);
        }
        Run run = new Run(requestId, Deadline.of(context, deadlineMarginMillis));
        byte[] answer = switch (invocation.kind()) {
            case SQS, KINESIS -> run.messages(invocation);
            case BATCH_OPERATIONS -> run.tasks(invocation);
            default -> {
                UnitOfWork.Result unit = run.unit(invocation.objects(), invocation.records());
                logDone(invocation, run, context, started);
                if (unit.mustRetry()) {
                    throw new InvocationFailedException(unit.summary());
                }
                yield null;
            }
        };
        if (answer == null) {
            output.write(run.tally.json(invocation.kind()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        logDone(invocation, run, context, started);
        output.write(answer);
    }

    /** The state of one invocation: its tally, the findings it delivered, its deadline. */
    private final class Run {
        final String requestId;
        final Deadline deadline;
        final Tally tally = new Tally();
        final Set<String> seen = new HashSet<>();

        Run(String requestId, Deadline deadline) {
            this.requestId = requestId;
            this.deadline = deadline;
        }

        UnitOfWork.Result unit(List<ObjectRef> objects, List<EventRecord> records) {
            return units.process(
                    objects, records, seen, priming.active() ? List.of() : outlets, tally, requestId, deadline);
        }

        /** SQS messages or Kinesis records, each its own unit: answered with the ones that failed. */
        byte[] messages(Invocation invocation) {
            List<String> failed = new ArrayList<>();
            for (Invocation.SqsMessage message : invocation.messages()) {
                if (deadline.refusal() != null) {
                    failed.add(message.messageId());
                    deadline.handedBack(
                            message.objects().size(), message.records().isEmpty() ? 0 : 1, true);
                    continue;
                }
                if (message.fromFifoQueue() && !failed.isEmpty()) {
                    // a FIFO queue keeps order only if nothing after a failed message is processed
                    failed.add(message.messageId());
                    tally.notTried++;
                    continue;
                }
                if (!message.decoded()) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("requestId", requestId);
                    f.put("messageId", message.messageId());
                    f.put("reason", message.problem());
                    log.error(
                            invocation.kind() == Invocation.Kind.KINESIS
                                    ? "Kinesis record not understood"
                                    : "SQS message not understood",
                            f);
                    tally.undecodable++;
                    failed.add(message.messageId());
                    continue;
                }
                UnitOfWork.Result unit = unit(message.objects(), message.records());
                if (unit.mustRetry() || unit.permanent()) {
                    // a permanent failure fails its message too: after the queue's maxReceiveCount it is kept
                    // in the dead-letter queue instead of being deleted unread
                    failed.add(message.messageId());
                }
            }
            return Responses.sqsBatchResponse(failed);
        }

        /** S3 Batch Operations tasks, each its own unit: answered with a result per task. */
        byte[] tasks(Invocation invocation) {
            List<TaskResult> results = new ArrayList<>();
            for (Invocation.BatchTask task : invocation.batch().tasks()) {
                if (deadline.refusal() != null) {
                    deadline.handedBack(1, 0, true);
                    results.add(new TaskResult(task.taskId(), ResultCode.TEMPORARY_FAILURE, deadline.refusal()));
                    continue;
                }
                UnitOfWork.Result unit = unit(List.of(task.object()), List.of());
                results.add(new TaskResult(task.taskId(), unit.resultCode(), unit.summary()));
            }
            return Responses.batchOperationsResponse(invocation.batch(), results);
        }
    }

    private void logDone(Invocation invocation, Run run, Context context, long started) {
        Deadline deadline = run.deadline;
        if (deadline.refused()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("requestId", run.requestId);
            w.put("trigger", invocation.kind().name());
            w.put("handedBackObjects", deadline.objectsHandedBack());
            w.put("handedBackRecordBatches", deadline.recordBatchesHandedBack());
            w.put("handedBackUnits", deadline.unitsHandedBack());
            w.put("remainingMillis", deadline.remainingAtRefusal());
            w.put("marginMillis", deadline.marginMillis());
            w.put("reason", deadline.refusal());
            log.warn("deadline near: work handed back for retry", w);
        }
        Map<String, Object> f = run.tally.fields(invocation.kind());
        f.put("requestId", run.requestId);
        f.put("handedBack", deadline.objectsHandedBack() + deadline.recordBatchesHandedBack());
        log.info("invocation done", f);
        if (metrics != null && !priming.active()) {
            String function = context != null ? context.getFunctionName() : System.getenv("AWS_LAMBDA_FUNCTION_NAME");
            String line = metrics.line(
                    f,
                    (System.nanoTime() - started) / 1_000_000,
                    System.currentTimeMillis(),
                    function,
                    invocation.kind().name());
            PrintStream target = stdout.get();
            synchronized (target) {
                target.println(line);
            }
        }
    }
}
