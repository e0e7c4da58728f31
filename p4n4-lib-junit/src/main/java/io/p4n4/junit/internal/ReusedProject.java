package io.p4n4.junit.internal;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.exec.ComposeLabels;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a reused project's containers say about the last run: nothing there, current, or stale. Stateless. */
public final class ReusedProject {
    /** The state of a reused project on the engine. */
    public enum State {
        /** No container of the project exists. */
        ABSENT,
        /** Every wanted service runs with the configuration hash asked for: no {@code up} needed. */
        CURRENT,
        /** Containers exist with another hash: take the project down before bringing it up. */
        STALE,
        /** The hash matches but some service is not running: {@code up} starts what is missing. */
        INCOMPLETE
    }

    private ReusedProject() {
    }

    /** Compares the project's containers with {@code hash}; {@code services} empty means all. */
    public static State state(ContainerEngine engine, ComposeProject project, String hash, List<String> services) {
        List<ContainerSummary> containers = engine.listContainers(ContainerFilter.all(
                LabelFilter.of(ComposeLabels.PROJECT, project.name())));
        if (containers.isEmpty()) {
            return State.ABSENT;
        }
        if (containers.stream().anyMatch(c -> !hash.equals(c.labels().get(RunLabels.CONFIG_HASH)))) {
            return State.STALE;
        }
        Set<String> running = containers.stream().filter(c -> c.state() == ContainerState.RUNNING)
                .map(c -> c.labels().getOrDefault(ComposeLabels.SERVICE, "")).collect(Collectors.toSet());
        Set<String> wanted = services.isEmpty() ? project.services().keySet() : Set.copyOf(services);
        return running.containsAll(wanted) ? State.CURRENT : State.INCOMPLETE;
    }
}
