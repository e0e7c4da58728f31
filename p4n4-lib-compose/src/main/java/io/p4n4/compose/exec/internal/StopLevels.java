package io.p4n4.compose.exec.internal;

import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.ServiceDependency;
import java.util.HashMap;
import java.util.Map;

/**
 * The order in which {@code down} stops services, as compose does: a service stops before everything it
 * depends on. Services on one level depend on nothing on the same or a higher level, so a level stops in
 * parallel. Orphans (services the file no longer has) stop first.
 */
final class StopLevels {
    private final Map<String, Integer> depth = new HashMap<>();
    private final int orphanLevel;

    StopLevels(ComposeProject project) {
        int max = 0;
        for (ComposeService s : project.servicesInDependencyOrder()) {
            int d = 0;
            for (ServiceDependency dep : s.dependsOn().values()) {
                Integer of = depth.get(dep.service());
                if (of != null) {
                    d = Math.max(d, of + 1);
                }
            }
            depth.put(s.name(), d);
            max = Math.max(max, d);
        }
        this.orphanLevel = max + 1;
    }

    /** The stop level of {@code service}: higher stops earlier. */
    int of(String service) {
        return depth.getOrDefault(service, orphanLevel);
    }
}
