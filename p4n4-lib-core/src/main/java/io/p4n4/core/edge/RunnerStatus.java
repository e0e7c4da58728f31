package io.p4n4.core.edge;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.PortBinding;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The edge stack's runner container as the engine reports it.
 *
 * @param container the container's name
 * @param image the image it runs, as named in the compose file (e.g. {@code edgeimpulse/linux-runner:latest})
 * @param state its state
 * @param health its healthcheck status ({@code NONE} without a healthcheck)
 * @param ports its port bindings
 * @param mountedModel the model file the running container was started with (the file name of its
 *     {@code EI_MODEL_PATH}), or {@code null} when it could not be read (see {@code mountedModelProblem})
 * @param mountedModelProblem why {@code mountedModel} could not be read, or {@code null}
 * @param configuredModel the model {@code EI_MODEL_FILE} in {@code .env} names now; differs from
 *     {@code mountedModel} until the runner is restarted
 */
public record RunnerStatus(String container, String image, ContainerState state, HealthStatus health,
        List<PortBinding> ports, @Nullable String mountedModel, @Nullable String mountedModelProblem,
        String configuredModel) {

    /** Copies the list. */
    public RunnerStatus {
        ports = List.copyOf(ports);
    }

    /** Whether the container is running. */
    public boolean running() {
        return state == ContainerState.RUNNING;
    }

    /**
     * The runner's HTTP address on this host, from the published port of container port 8080
     * ({@code 0.0.0.0} and {@code ::} read as 127.0.0.1); empty when 8080 is not published.
     */
    public Optional<String> findHttpUrl() {
        return ports.stream().filter(p -> p.containerPort() == EdgeRunner.HTTP_PORT && p.hostPort() > 0).findFirst()
                .map(p -> {
                    String ip = p.hostIp();
                    String host = ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::") ? "127.0.0.1"
                            : ip.contains(":") ? "[" + ip + "]" : ip;
                    return "http://" + host + ":" + p.hostPort();
                });
    }
}
