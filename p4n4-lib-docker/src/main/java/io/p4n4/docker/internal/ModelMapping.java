package io.p4n4.docker.internal;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.ImageInfo;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.api.engine.VolumeInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts docker-java's response objects into the API's value types. */
final class ModelMapping {

    private ModelMapping() {
    }

    static ContainerInfo container(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState s = r.getState();
        Map<String, String> labels = r.getConfig() == null ? null : r.getConfig().getLabels();
        String image = r.getConfig() == null ? null : r.getConfig().getImage();
        List<PortBinding> ports = new ArrayList<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        if (r.getNetworkSettings() != null) {
            Ports p = r.getNetworkSettings().getPorts();
            if (p != null && p.getBindings() != null) {
                for (Map.Entry<ExposedPort, Ports.Binding[]> e : p.getBindings().entrySet()) {
                    if (e.getValue() == null) {
                        continue;
                    }
                    for (Ports.Binding b : e.getValue()) {
                        ports.add(new PortBinding(e.getKey().getPort(), Protocol.parse(e.getKey().getProtocol().name()),
                                b.getHostIp(), parsePort(b.getHostPortSpec())));
                    }
                }
            }
            Map<String, ContainerNetwork> nets = r.getNetworkSettings().getNetworks();
            if (nets != null) {
                nets.forEach((name, n) -> addresses.put(name, n.getIpAddress() == null ? "" : n.getIpAddress()));
            }
        }
        int exit = s == null || s.getExitCodeLong() == null ? 0 : s.getExitCodeLong().intValue();
        ContainerState state = s == null ? ContainerState.UNKNOWN : ContainerState.parse(s.getStatus());
        return ContainerInfo.builder(r.getId(), state).name(stripSlash(r.getName())).image(image)
                .imageId(r.getImageId()).exitCode(exit)
                .health(s == null ? ContainerHealth.NONE : health(s.getHealth()))
                .labels(labels).ports(ports).networkAddresses(addresses)
                .startedAt(s == null ? null : instant(s.getStartedAt()))
                .finishedAt(s == null ? null : instant(s.getFinishedAt()))
                .error(s == null ? null : s.getError())
                .build();
    }

    static ContainerHealth health(HealthState h) {
        if (h == null) {
            return ContainerHealth.NONE;
        }
        List<HealthStateLog> log = h.getLog();
        HealthStateLog last = log == null || log.isEmpty() ? null : log.get(log.size() - 1);
        int streak = h.getFailingStreak() == null ? 0 : h.getFailingStreak();
        return new ContainerHealth(HealthStatus.parse(h.getStatus()), streak,
                last == null ? "" : last.getOutput(),
                last == null || last.getExitCodeLong() == null ? -1 : last.getExitCodeLong().intValue());
    }

    static ContainerSummary summary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? "" : stripSlash(c.getNames()[0]);
        return new ContainerSummary(c.getId(), name, c.getImage(), ContainerState.parse(c.getState()),
                c.getStatus(), c.getLabels());
    }

    static NetworkInfo network(Network n) {
        List<String> subnets = new ArrayList<>();
        if (n.getIpam() != null && n.getIpam().getConfig() != null) {
            for (Network.Ipam.Config c : n.getIpam().getConfig()) {
                if (c.getSubnet() != null) {
                    subnets.add(c.getSubnet());
                }
            }
        }
        return new NetworkInfo(n.getId(), n.getName(), n.getDriver(), subnets, n.getLabels());
    }

    static VolumeInfo volume(InspectVolumeResponse v) {
        return new VolumeInfo(v.getName(), v.getDriver(), v.getMountpoint(), v.getLabels());
    }

    static ImageInfo image(InspectImageResponse i) {
        Map<String, String> labels = i.getConfig() == null ? null : i.getConfig().getLabels();
        return new ImageInfo(i.getId(), i.getRepoTags(), i.getSize() == null ? 0 : i.getSize(), i.getOs(),
                i.getArch(), labels);
    }

    static EngineEvent event(Event e) {
        EngineEvent.Type type = EngineEvent.Type.OTHER;
        if (e.getType() != null) {
            try {
                type = EngineEvent.Type.valueOf(e.getType().getValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException other) {
                type = EngineEvent.Type.OTHER;
            }
        }
        Map<String, String> attributes = e.getActor() == null ? null : e.getActor().getAttributes();
        String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
        Instant time = e.getTimeNano() != null
                ? Instant.ofEpochSecond(0, e.getTimeNano())
                : Instant.ofEpochSecond(e.getTime() == null ? 0 : e.getTime());
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        return new EngineEvent(type, action, id, attributes, time);
    }

    static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static int parsePort(String spec) {
        if (spec == null || spec.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException range) {
            return 0;
        }
    }

    /** Docker writes 0001-01-01T00:00:00Z for "never". */
    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            Instant t = Instant.parse(text);
            return t.isBefore(Instant.EPOCH) ? Instant.EPOCH : t;
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
