package io.github.trailkit.lambda.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one invocation, for its summary line ("invocation done") and its metrics line.
 *
 * <pre>{@code
 * {"level":"INFO","message":"invocation done","trigger":"S3","objects":1,"read":1,"records":120,"findings":2,...}
 * }</pre>
 *
 * <p>One per invocation, used by one thread.
 */
final class Tally {
    long objects;
    long read;
    long skipped;
    long failedForGood;
    long toRetry;
    long records;
    long badRecords;
    long findings;
    long delivered;
    long duplicates;
    long sinkFailures;
    long undecodable;
    long unexpected;
    long notTried;
    long eventRecords;
    long bytes;

    void add(EventRecordProcessor.Outcome o) {
        eventRecords += o.records() + o.badRecords();
        records += o.records();
        badRecords += o.badRecords();
        findings += o.findings();
    }

    void add(ObjectOutcome o) {
        objects++;
        bytes += o.bytes();
        records += o.records();
        badRecords += o.badRecords();
        findings += o.findings();
        switch (o.status()) {
            case READ -> read++;
            case SKIPPED -> skipped++;
            case PERMANENT_FAILURE -> failedForGood++;
            case TRANSIENT_FAILURE -> toRetry++;
        }
    }

    Map<String, Object> fields(Invocation.Kind kind) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("trigger", kind.name());
        f.put("objects", objects);
        f.put("read", read);
        f.put("skipped", skipped);
        f.put("failedForGood", failedForGood);
        f.put("toRetry", toRetry);
        f.put("records", records);
        f.put("badRecords", badRecords);
        f.put("findings", findings);
        f.put("delivered", delivered);
        f.put("duplicates", duplicates);
        f.put("sinkFailures", sinkFailures);
        f.put("undecodableMessages", undecodable);
        f.put("unexpectedFailures", unexpected);
        f.put("fifoMessagesNotTried", notTried);
        f.put("eventRecords", eventRecords);
        f.put("bytes", bytes);
        return f;
    }

    /** The summary as the JSON answer of a direct invocation. */
    String json(Invocation.Kind kind) {
        return LambdaLog.line("INFO", "invocation done", fields(kind));
    }
}
