package io.p4n4.agent.nats.internal;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gets of one bucket, retried once when one goes unanswered shortly after this client created (or raced
 * to create) the bucket. When several clients create the same stream at once, nats-server 2.9 may leave a
 * direct get sent in that moment without any answer (reproduced here under CPU load: about one get in 300
 * waited the whole request timeout, while every later get, on any connection, was answered). A get changes
 * nothing, so asking again is safe; later gets, and writes, are never retried.
 */
public final class SettlingGets {

    private static final Logger LOG = LoggerFactory.getLogger(SettlingGets.class);

    private final Duration window;
    private final String bucket;
    private volatile long createdAt;
    private volatile boolean created;

    /**
     * @param bucket the bucket's name, for the log
     * @param window how long after a create its gets are retried
     */
    public SettlingGets(String bucket, Duration window) {
        this.bucket = bucket;
        this.window = window;
    }

    /** Records that this client is creating the bucket now. */
    public void creating() {
        createdAt = System.nanoTime();
        created = true;
    }

    /**
     * Returns {@code kv.get(key)}, asked once more if it went unanswered within the window after
     * {@link #creating()}.
     */
    public @Nullable KeyValueEntry get(KeyValue kv, String key)
            throws IOException, JetStreamApiException, InterruptedException {
        try {
            return kv.get(key);
        } catch (IOException unanswered) {
            if (!created || System.nanoTime() - createdAt > window.toNanos()) {
                throw unanswered;
            }
            LOG.debug("NATS KV bucket {}: get {} went unanswered just after the bucket was created ({}); asking again",
                    bucket, key, unanswered.getMessage());
            return kv.get(key);
        }
    }
}
