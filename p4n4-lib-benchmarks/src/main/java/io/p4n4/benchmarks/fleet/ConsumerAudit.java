package io.p4n4.benchmarks.fleet;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the consumers the server creates, from its advisories ({@code $JS.EVENT.ADVISORY.CONSUMER.CREATED.>}),
 * on a connection of its own that reconnects every 10 ms, so it is back before the agents (500 ms) after a
 * server restart.
 */
final class ConsumerAudit implements AutoCloseable {

    private final Connection connection;
    private final AtomicLong created = new AtomicLong();

    ConsumerAudit(String url) throws Exception {
        connection = Nats.connect(Options.builder().server(url).maxReconnects(-1).reconnectWait(Duration.ofMillis(10)).reconnectJitter(Duration.ZERO)
                .connectionName("consumer-audit").build());
        Dispatcher d = connection.createDispatcher(m -> created.incrementAndGet());
        d.subscribe("$JS.EVENT.ADVISORY.CONSUMER.CREATED.>");
        connection.flush(Duration.ofSeconds(5));
    }

    long created() {
        return created.get();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
