package io.p4n4.it.compose;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.testkit.engine.TestEndpoints;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.engine.EngineDiscovery;
import java.util.Map;

/** Connects to a test engine through real discovery, and cleans a project off it by label. */
final class EngineUnderTest {
    static final String BUSYBOX = "localhost/p4n4-test-busybox:1";

    private EngineUnderTest() {
    }

    /** The engine {@code id} at the endpoint in {@code variable}; skips the test when there is none. */
    static ContainerEngine connect(String id, String variable) {
        String endpoint = TestEndpoints.find(variable).orElse(null);
        assumeTrue(endpoint != null, variable + " is not set and /tmp/p4n4-it/engines.env is missing;"
                + " start the test engines with scripts/engines.sh start");
        String hostVariable = id.equals("docker") ? "DOCKER_HOST" : "CONTAINER_HOST";
        ContainerEngine engine;
        try {
            engine = EngineDiscovery.builder().environment(Map.of("P4N4_ENGINE", id, hostVariable, endpoint))
                    .build().connect();
        } catch (P4n4Exception e) {
            assumeTrue(false, id + " at " + endpoint + " does not answer (" + e.getMessage()
                    + "); start it with scripts/engines.sh start");
            throw e;
        }
        if (!engine.imageExists(BUSYBOX)) {
            engine.close();
            assumeTrue(false, BUSYBOX + " is missing on " + id + "; scripts/engines.sh start builds it");
        }
        return engine;
    }

    /** Removes every container, network and volume labelled with {@code project}; never fails. */
    static void removeProject(ContainerEngine engine, String project) {
        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project);
        try {
            for (ContainerSummary c : engine.listContainers(ContainerFilter.all(mine))) {
                engine.removeContainer(c.id(), RemoveContainerOptions.forced().withAnonymousVolumes());
            }
            for (NetworkInfo n : engine.listNetworks(mine)) {
                engine.removeNetwork(n.name());
            }
            for (VolumeInfo v : engine.listVolumes(mine)) {
                engine.removeVolume(v.name(), RemoveVolumeOptions.forced());
            }
        } catch (RuntimeException e) {
            System.err.println("cleanup of project " + project + " failed: " + e);
        }
    }
}
