package io.p4n4.clients;

import io.p4n4.api.clients.edgeimpulse.EdgeImpulseClient;
import io.p4n4.clients.internal.edgeimpulse.HttpEdgeImpulseClient;
import java.time.Duration;

/**
 * Builds an {@link EdgeImpulseClient}. Default base URL from the project ({@code http://localhost:8080});
 * read timeout 30 s.
 */
public final class EdgeImpulseClientBuilder extends ClientBuilder<EdgeImpulseClientBuilder, EdgeImpulseClient> {

    EdgeImpulseClientBuilder(ClientFactory owner) {
        super(owner, "edge-impulse-runner", owner.endpoints().edgeImpulseUrl(), Duration.ofSeconds(30));
    }

    @Override
    public EdgeImpulseClient build() {
        return new HttpEdgeImpulseClient(http().build());
    }
}
