package io.p4n4.junit;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.exec.ComposeLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an engine holds of one compose project: containers, networks and volumes, with their labels. */
record ProjectObjects(List<Map<String, String>> containers, List<Map<String, String>> networks,
                      List<Map<String, String>> volumes) {

    static ProjectObjects of(ContainerEngine engine, String project) {
        LabelFilter labels = LabelFilter.of(ComposeLabels.PROJECT, project);
        return new ProjectObjects(
                engine.listContainers(ContainerFilter.all(labels)).stream().map(c -> c.labels()).toList(),
                engine.listNetworks(labels).stream().map(n -> n.labels()).toList(),
                engine.listVolumes(labels).stream().map(v -> v.labels()).toList());
    }

    boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
    }

    List<Map<String, String>> all() {
        List<Map<String, String>> out = new ArrayList<>(containers);
        out.addAll(networks);
        out.addAll(volumes);
        return out;
    }
}
