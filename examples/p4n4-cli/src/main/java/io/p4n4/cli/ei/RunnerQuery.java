package io.p4n4.cli.ei;

import io.p4n4.api.clients.edgeimpulse.RunnerInfo;
import io.p4n4.cli.ai.ServiceOptions;
import io.p4n4.clients.ClientFactory;
import io.p4n4.clients.EdgeImpulseClientBuilder;
import io.p4n4.core.edge.RunnerStatus;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Asks the runner's HTTP API for its information: at {@code --url}, else at the container's published port 8080. */
final class RunnerQuery {
    private RunnerQuery() {
    }

    static RunnerInfo info(CommandSpec spec, ServiceOptions options, @Nullable RunnerStatus status) {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            EdgeImpulseClientBuilder b = options.applyTo(clients.edgeImpulse());
            if (options.url() == null && status != null && status.findHttpUrl().isPresent()) {
                b = b.baseUrl(status.findHttpUrl().get());
            }
            return b.build().info();
        }
    }
}
