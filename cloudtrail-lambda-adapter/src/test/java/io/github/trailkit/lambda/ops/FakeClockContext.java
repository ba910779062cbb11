package io.github.trailkit.lambda.ops;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Lambda context whose clock only moves when the test moves it: {@link #getRemainingTimeInMillis()} is the
 * function's timeout less the time {@link #advance(long)} has let pass.
 */
final class FakeClockContext implements Context {
    private final long timeoutMillis;
    private final AtomicLong elapsed = new AtomicLong();

    FakeClockContext(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Lets this much time pass. */
    void advance(long millis) {
        elapsed.addAndGet(millis);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) (timeoutMillis - elapsed.get());
    }

    @Override
    public String getAwsRequestId() {
        return "req-fake-clock";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/trailkit";
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/08/[$LATEST]fake";
    }

    @Override
    public String getFunctionName() {
        return "trailkit";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:trailkit";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
