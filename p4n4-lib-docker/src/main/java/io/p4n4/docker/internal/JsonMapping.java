package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.jspecify.annotations.Nullable;

/**
 * Converts the Engine API's JSON (ContainerInspect, ContainerSummary, Network, Volume, ImageInspect, events)
 * into the API's value types, with the values docker-java's model objects gave before (absent fields as
 * docker-java left them: null, which the value types turn into their defaults).
 */
final class JsonMapping {

    private JsonMapping() {
    }

    /** {@code GET /containers/{id}/json}. */
    static ContainerInfo container(JsonNode r) {
        JsonNode s = r.path("State");
        JsonNode config = r.path("Config");
        List<PortBinding> ports = new ArrayList<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        JsonNode settings = r.path("NetworkSettings");
        for (Map.Entry<String, JsonNode> e : settings.path("Ports").properties()) {
            String[] portAndProtocol = e.getKey().split("/");
            int port = Integer.parseInt(portAndProtocol[0]);
            Protocol protocol = Protocol.parse(portAndProtocol.length > 1 ? portAndProtocol[1] : null);
            for (JsonNode b : e.getValue()) {
                ports.add(new PortBinding(port, protocol, text(b, "HostIp"), parsePort(text(b, "HostPort"))));
            }
        }
        for (Map.Entry<String, JsonNode> n : settings.path("Networks").properties()) {
            String ip = text(n.getValue(), "IPAddress");
            addresses.put(n.getKey(), ip == null ? "" : ip);
        }
        boolean hasState = s.isObject();
        ContainerState state = hasState ? ContainerState.parse(text(s, "Status")) : ContainerState.UNKNOWN;
        return ContainerInfo.builder(text(r, "Id"), state).name(stripSlash(text(r, "Name")))
                .image(text(config, "Image")).imageId(text(r, "Image"))
                .exitCode(hasState ? s.path("ExitCode").asInt(0) : 0)
                .health(hasState ? health(s.path("Health")) : ContainerHealth.NONE)
                .labels(labels(config)).ports(ports).networkAddresses(addresses)
                .startedAt(hasState ? instant(text(s, "StartedAt")) : null)
                .finishedAt(hasState ? instant(text(s, "FinishedAt")) : null)
                .error(hasState ? text(s, "Error") : null)
                .build();
    }

    static ContainerHealth health(JsonNode h) {
        if (!h.isObject()) {
            return ContainerHealth.NONE;
        }
        JsonNode log = h.path("Log");
        JsonNode last = log.isArray() && log.size() > 0 ? log.get(log.size() - 1) : null;
        String output = last == null ? "" : text(last, "Output");
        return new ContainerHealth(HealthStatus.parse(text(h, "Status")), h.path("FailingStreak").asInt(0),
                output, last == null || !last.path("ExitCode").isNumber() ? -1 : last.path("ExitCode").asInt());
    }

    /** One entry of {@code GET /containers/json}. */
    static ContainerSummary summary(JsonNode c) {
        JsonNode names = c.path("Names");
        String name = names.isArray() && names.size() > 0 ? stripSlash(names.get(0).asText()) : "";
        return new ContainerSummary(text(c, "Id"), name, text(c, "Image"), ContainerState.parse(text(c, "State")),
                text(c, "Status"), labels(c));
    }

    /** {@code GET /networks/{id}} or an entry of {@code GET /networks}. */
    static NetworkInfo network(JsonNode n) {
        List<String> subnets = new ArrayList<>();
        for (JsonNode c : n.path("IPAM").path("Config")) {
            String subnet = text(c, "Subnet");
            if (subnet != null) {
                subnets.add(subnet);
            }
        }
        return new NetworkInfo(text(n, "Id"), text(n, "Name"), text(n, "Driver"), subnets, labels(n));
    }

    /** {@code GET /volumes/{name}} or an entry of {@code GET /volumes}. */
    static VolumeInfo volume(JsonNode v) {
        return new VolumeInfo(text(v, "Name"), text(v, "Driver"), text(v, "Mountpoint"), labels(v));
    }

    /** {@code GET /images/{name}/json}. */
    static ImageInfo image(JsonNode i) {
        List<String> tags = null;
        if (i.path("RepoTags").isArray()) {
            tags = new ArrayList<>();
            for (JsonNode t : i.path("RepoTags")) {
                tags.add(t.asText());
            }
        }
        return new ImageInfo(text(i, "Id"), tags, i.path("Size").asLong(0), text(i, "Os"), text(i, "Architecture"),
                labels(i.path("Config")));
    }

    /** One object of {@code GET /events}. */
    static EngineEvent event(JsonNode e) {
        EngineEvent.Type type = EngineEvent.Type.OTHER;
        String typeName = text(e, "Type");
        if (typeName != null) {
            try {
                type = EngineEvent.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException other) {
                type = EngineEvent.Type.OTHER;
            }
        }
        JsonNode actor = e.path("Actor");
        Map<String, String> attributes = null;
        if (actor.path("Attributes").isObject()) {
            attributes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> a : actor.path("Attributes").properties()) {
                attributes.put(a.getKey(), a.getValue().asText());
            }
        }
        String actorId = text(actor, "ID");
        String id = actorId != null ? actorId : text(e, "id");
        Instant time = e.path("timeNano").isNumber()
                ? Instant.ofEpochSecond(0, e.path("timeNano").asLong())
                : Instant.ofEpochSecond(e.path("time").asLong(0));
        String action = text(e, "Action");
        return new EngineEvent(type, action != null ? action : text(e, "status"), id, attributes, time);
    }

    /** A string field; null when absent or JSON null. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The object's {@code Labels}; null when absent or JSON null. */
    static @Nullable Map<String, String> labels(JsonNode node) {
        JsonNode l = node.path("Labels");
        if (!l.isObject()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        l.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static @Nullable String stripSlash(@Nullable String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    /** Docker writes 0001-01-01T00:00:00Z for "never". */
    static Instant instant(@Nullable String text) {
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

    private static int parsePort(@Nullable String spec) {
        if (spec == null || spec.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException range) {
            return 0;
        }
    }
}
