package io.p4n4.agent.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The nats-server of {@code scripts/services.sh start} ({@code P4N4_TEST_NATS_URL}, from the environment or a
 * system property; source {@code /tmp/p4n4-it/services.env}), shared with other tests running at the same
 * time: every test uses buckets of its own and deletes them afterwards.
 */
public final class SharedNats {
    /** The variable naming the shared server. */
    public static final String VARIABLE = "P4N4_TEST_NATS_URL";

    private SharedNats() {
    }

    /** The shared server's URL; skips the calling test when it is not configured. */
    public static String url() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            url = System.getProperty(VARIABLE);
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), VARIABLE + " is not set: run scripts/services.sh start"
                + " and source /tmp/p4n4-it/services.env (set -a; . /tmp/p4n4-it/services.env; set +a)");
        return url.trim();
    }

    /** A bucket name no other test uses: {@code prefix-<8 hex digits>}. */
    public static String uniqueBucket(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A store on the shared server using its own desired-state and status buckets. */
    public static NatsDesiredStateStore store(String url, String bucket) {
        return NatsDesiredStateStore.builder().servers(List.of(url)).bucket(bucket).statusBucket(bucket + "-status")
                .connect();
    }

    /** Deletes the KV buckets a {@link #store(String, String)} of {@code bucket} may have created. */
    public static void deleteBuckets(String url, String bucket) throws IOException, InterruptedException {
        Connection nc = Nats.connect(Options.builder().server(url).connectionTimeout(Duration.ofSeconds(5)).build());
        try {
            for (String name : List.of(bucket, bucket + "-status")) {
                try {
                    nc.keyValueManagement().delete(name);
                } catch (JetStreamApiException e) {
                    // never created: nothing to remove
                }
            }
        } finally {
            nc.close();
        }
    }
}
