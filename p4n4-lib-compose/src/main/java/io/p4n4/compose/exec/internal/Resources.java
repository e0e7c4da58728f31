package io.p4n4.compose.exec.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.compose.ComposeNetwork;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeVolume;
import io.p4n4.compose.IpamConfig;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ensures a project's networks and volumes exist before its containers are created. Stateless. */
public final class Resources {
    private Resources() {
    }

    /**
     * Creates the project's networks that are missing; an external network that does not exist fails
     * with NETWORK, naming the stack that owns it when {@code owners} knows it.
     */
    public static void ensureNetworks(ContainerEngine engine, ComposeProject project, Map<String, String> owners,
            ProgressListener progress) {
        for (ComposeNetwork n : project.networks().values()) {
            if (n.external()) {
                if (engine.findNetwork(n.name()).isEmpty()) {
                    String owner = owners.get(n.name());
                    throw new P4n4Exception(ErrorCode.NETWORK, "network " + n.name() + " is external to project "
                            + project.name() + " and does not exist on " + engine.id() + "; "
                            + (owner != null ? "it is created by the " + owner + " stack: bring it up first (p4n4 up "
                            + owner + ")" : "create it first (docker network create " + n.name() + ")"));
                }
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.NETWORK_EXISTS, n.name(), "external"));
                continue;
            }
            if (engine.findNetwork(n.name()).isPresent()) {
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.NETWORK_EXISTS, n.name(), ""));
                continue;
            }
            NetworkSpec.Builder spec = NetworkSpec.builder(n.name()).internal(n.internal()).labels(n.labels())
                    .labels(labels(project, ComposeLabels.NETWORK, n.key()));
            n.driver().ifPresent(spec::driver);
            if (!n.ipamConfigs().isEmpty()) {
                IpamConfig ipam = n.ipamConfigs().get(0);
                spec.subnet(ipam.subnet()).gateway(ipam.gateway());
            }
            try {
                engine.createNetwork(spec.build());
            } catch (EngineException e) {
                // another up (the other stack, a parallel run) may have created it a moment ago
                if (engine.findNetwork(n.name()).isEmpty()) {
                    throw e;
                }
            }
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.NETWORK_CREATED, n.name(),
                    n.ipamConfigs().isEmpty() ? "" : "subnet " + n.ipamConfigs().get(0).subnet()));
        }
    }

    /** Creates the project's named volumes that are missing; an external one must exist. */
    public static void ensureVolumes(ContainerEngine engine, ComposeProject project, ProgressListener progress) {
        for (ComposeVolume v : project.volumes().values()) {
            if (engine.findVolume(v.name()).isPresent()) {
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.VOLUME_EXISTS, v.name(), ""));
                continue;
            }
            if (v.external()) {
                throw new EngineException(engine.id(), v.name(), "volume " + v.name() + " is external to project "
                        + project.name() + " and does not exist on " + engine.id() + "; create it first", null);
            }
            Map<String, String> labels = new LinkedHashMap<>(v.labels());
            labels.putAll(labels(project, ComposeLabels.VOLUME, v.key()));
            engine.createVolume(new VolumeSpec(v.name(), v.driver().orElse("local"), labels, v.driverOpts()));
            progress.onProgress(ProgressEvent.of(ProgressEvent.Step.VOLUME_CREATED, v.name(), ""));
        }
    }

    /** The compose labels of a network or volume. */
    static Map<String, String> labels(ComposeProject project, String keyLabel, String key) {
        return Map.of(ComposeLabels.PROJECT, project.name(), keyLabel, key, ComposeLabels.VERSION,
                Versions.COMPOSE_LABEL);
    }
}
