package io.p4n4.core.preflight.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.Problem;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.ServicePort;
import io.p4n4.compose.exec.ComposeLabels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Clashes with what is already on the engine, found before anything is created: a compose project of the
 * same name made from another directory, a {@code container_name} another project's (or no project's)
 * container has, a published host port a running container of something else binds. Each problem is an
 * ENGINE error naming both parties.
 */
public final class ConflictCheck {
    private ConflictCheck() {
    }

    /** Checks {@code projects} against every container on {@code engine}. */
    public static void check(ContainerEngine engine, List<ComposeProject> projects, List<String> passed,
            List<Problem> problems) {
        List<ContainerSummary> all = engine.listContainers(ContainerFilter.all(LabelFilter.ANY));
        boolean publishes = projects.stream().flatMap(p -> p.services().values().stream())
                .anyMatch(s -> s.ports().stream().anyMatch(port -> port.findPublished().isPresent()));
        List<ContainerInfo> running = publishes ? running(engine, all) : List.of();
        int before = problems.size();
        for (ComposeProject p : projects) {
            projectName(engine, p, all, problems);
            containerNames(engine, p, all, problems);
            ports(engine, p, running, problems);
        }
        if (problems.size() == before) {
            passed.add("no clash on " + engine.id() + " with other projects' names, container names or host ports");
        }
    }

    private static boolean ours(ComposeProject p, java.util.Map<String, String> labels) {
        return p.name().equals(labels.get(ComposeLabels.PROJECT))
                && sameDirectory(p, labels.get(ComposeLabels.WORKING_DIR));
    }

    private static boolean sameDirectory(ComposeProject p, String dir) {
        return dir == null || dir.isEmpty() || dir.equals(p.workingDirectory().toString());
    }

    private static String owner(java.util.Map<String, String> labels) {
        String project = labels.get(ComposeLabels.PROJECT);
        if (project == null) {
            return "no compose project";
        }
        String dir = labels.get(ComposeLabels.WORKING_DIR);
        return "compose project " + project + (dir == null ? "" : " in " + dir);
    }

    private static void projectName(ContainerEngine engine, ComposeProject p, List<ContainerSummary> all,
            List<Problem> problems) {
        all.stream().filter(c -> p.name().equals(c.labels().get(ComposeLabels.PROJECT))
                        && !sameDirectory(p, c.labels().get(ComposeLabels.WORKING_DIR)))
                .findFirst().ifPresent(c -> problems.add(Problem.error("conflict.project-name", ErrorCode.ENGINE,
                        "compose project " + p.name() + " of " + p.workingDirectory() + " clashes with compose"
                                + " project " + p.name() + " of " + c.labels().get(ComposeLabels.WORKING_DIR)
                                + " (container " + c.name() + ") on " + engine.id())
                        .hint("take the other project down (p4n4 down in " + c.labels().get(ComposeLabels.WORKING_DIR)
                                + "), or give this project another name (\"name:\" in its compose file)").build()));
    }

    private static void containerNames(ContainerEngine engine, ComposeProject p, List<ContainerSummary> all,
            List<Problem> problems) {
        for (ComposeService s : p.services().values()) {
            Optional<String> name = s.containerName();
            if (name.isEmpty()) {
                continue;
            }
            all.stream().filter(c -> c.name().equals(name.get()) && !ours(p, c.labels())).findFirst()
                    .ifPresent(c -> problems.add(Problem.error("conflict.container-name", ErrorCode.ENGINE,
                            "container_name " + name.get() + " of service " + s.name() + " (compose project "
                                    + p.name() + ") is taken on " + engine.id() + " by container " + c.name() + " of "
                                    + owner(c.labels())).hint("remove or rename that container, or change"
                                    + " container_name of " + s.name()).build()));
        }
    }

    private static void ports(ContainerEngine engine, ComposeProject p, List<ContainerInfo> running,
            List<Problem> problems) {
        Set<String> reported = new LinkedHashSet<>();
        for (ComposeService s : p.services().values()) {
            for (ServicePort port : s.ports()) {
                for (int host : hostPorts(port)) {
                    String protocol = port.protocol().toUpperCase(java.util.Locale.ROOT);
                    for (ContainerInfo c : running) {
                        if (ours(p, c.labels())) {
                            continue;
                        }
                        for (PortBinding b : c.ports()) {
                            if (b.hostPort() == host && b.protocol().name().equals(protocol)
                                    && reported.add(host + "/" + protocol)) {
                                problems.add(Problem.error("conflict.port", ErrorCode.ENGINE, "host port " + host
                                        + "/" + protocol.toLowerCase(java.util.Locale.ROOT) + " of service " + s.name()
                                        + " (compose project " + p.name() + ") is taken on " + engine.id()
                                        + " by container " + c.name() + " of " + owner(c.labels()))
                                        .hint("stop that container, or publish " + s.name() + " on another host"
                                                + " port").build());
                            }
                        }
                    }
                }
            }
        }
    }

    /** The running containers, inspected (for their port bindings). */
    private static List<ContainerInfo> running(ContainerEngine engine, List<ContainerSummary> all) {
        List<ContainerInfo> out = new ArrayList<>();
        for (ContainerSummary c : all) {
            if (c.state() == ContainerState.RUNNING) {
                engine.findContainer(c.id()).ifPresent(out::add);
            }
        }
        return out;
    }

    private static List<Integer> hostPorts(ServicePort port) {
        String published = port.findPublished().orElse("");
        List<Integer> out = new ArrayList<>();
        try {
            int dash = published.indexOf('-');
            if (!published.isEmpty()) {
                int first = Integer.parseInt(dash < 0 ? published : published.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(published.substring(dash + 1));
                for (int i = first; i <= last && i > 0; i++) {
                    out.add(i);
                }
            }
        } catch (NumberFormatException e) {
            // an invalid port is reported when the project is loaded or started
        }
        return out;
    }
}
