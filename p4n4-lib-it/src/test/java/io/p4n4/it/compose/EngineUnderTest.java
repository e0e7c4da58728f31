package io.p4n4.it.compose;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.compose.exec.ComposeLabels;

/**
 * Cleans a project off the engine under test by label. The testkit connects the tests to the engines
 * ({@link io.p4n4.testkit.engine.RealEngine}, {@link io.p4n4.testkit.engine.TestEngines}).
 */
final class EngineUnderTest {

    private EngineUnderTest() {
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
