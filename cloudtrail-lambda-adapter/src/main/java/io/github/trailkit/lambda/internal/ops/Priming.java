package io.github.trailkit.lambda.internal.ops;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.ProblemPolicy;
import io.github.trailkit.model.ReadLimits;
import io.github.trailkit.rules.Evaluation;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming, with the {@code org.crac} API Lambda implements: before the snapshot is taken, the handler runs
 * its own code on bundled inputs (a CloudTrail log file through the reader and the rules, trigger events through the
 * decoder, a CloudTrail event through a whole invocation), so that the restored function starts with those classes
 * loaded, initialised and partly compiled. While priming, findings go to no sink and log lines are dropped; no AWS call
 * is made, so no credentials, connections or request ids are taken into the snapshot.
 *
 * <p>The handler keeps a strong reference to this resource: the CRaC context may hold its resources weakly.
 */
public final class Priming implements Resource {
    private static final String BASE = "/io/github/trailkit/lambda/priming/";

    private final Runnable work;
    private volatile boolean active;

    /** @param work what priming does (run by {@link #prime()}) */
    public Priming(Runnable work) {
        this.work = work;
    }

    /** Registers this resource with the global CRaC context (a no-op where the JVM takes no snapshots). */
    public Priming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    /** {@return whether priming is running now: deliver nothing, log nothing} */
    public boolean active() {
        return active;
    }

    /** Runs the priming work now. */
    public void prime() {
        active = true;
        try {
            work.run();
        } finally {
            active = false;
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing was captured that must be renewed: see the class description
    }

    /** A log output that writes nothing while priming runs. */
    public LogOutput quiet(LogOutput output) {
        return new LogOutput() {
            @Override
            public boolean enabled(String level) {
                return !active && output.enabled(level);
            }

            @Override
            public void write(String level, String message, Map<String, ?> fields) {
                if (!active) {
                    output.write(level, message, fields);
                }
            }
        };
    }

    /** The bundled CloudTrail event that priming passes through a whole invocation. */
    public static byte[] invocationEvent() {
        return resource("eventbridge-cloudtrail.json");
    }

    /** The bundled trigger events that priming passes through the trigger decoder. */
    public static List<byte[]> triggerEvents() {
        return List.of(resource("sqs-mixed-bodies.json"), resource("batch-operations.json"));
    }

    /**
     * Reads the bundled log file with a reader configured as the handler's and matches each record, as an object is
     * processed. Returns the findings, which are thrown away.
     */
    public static int readSamples(RuleSet rules, ReadLimits limits) {
        int findings = 0;
        try (InputStream in = Priming.class.getResourceAsStream(BASE + "sample-log.json.gz");
                CloudTrailLog log = CloudTrail.reader()
                        .onProblem(ProblemPolicy.SKIP_AND_REPORT)
                        .limits(limits)
                        .read(in, "priming:sample-log.json.gz")) {
            for (CloudTrailRecord record : log) {
                Evaluation evaluation = rules.evaluation(record);
                for (Finding f : evaluation.findings()) {
                    f.at("priming", log.lastRecordIndex()).dedupKey();
                    findings++;
                }
            }
            log.problems();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Priming.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing priming resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
