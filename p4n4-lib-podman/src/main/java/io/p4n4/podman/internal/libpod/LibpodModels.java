package io.p4n4.podman.internal.libpod;

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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads libpod's JSON answers (shapes of Podman 4.x, checked against a live 4.3 service) into the API's
 * value types. Stateless.
 */
public final class LibpodModels {
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Map<String, String> DOCKER_WORDS = Map.of("died", "die", "remove", "destroy");

    private LibpodModels() {
    }

    /** {@code GET /libpod/containers/{name}/json}. */
    public static ContainerInfo container(JsonNode n) {
        JsonNode state = n.path("State");
        JsonNode config = n.path("Config");
        String name = n.path("Name").asText("");
        return ContainerInfo.builder(n.path("Id").asText(), ContainerState.parse(state.path("Status").asText(null)))
                .name(name.startsWith("/") ? name.substring(1) : name)
                .image(firstText(n.path("ImageName"), config.path("Image")))
                .imageId(n.path("Image").asText(""))
                .exitCode(state.path("ExitCode").asInt(0))
                .health(health(config.path("Healthcheck"), state.path("Health")))
                .labels(strings(config.path("Labels")))
                .ports(inspectPorts(n.path("NetworkSettings").path("Ports")))
                .networkAddresses(addresses(n.path("NetworkSettings").path("Networks")))
                .startedAt(time(state.path("StartedAt")))
                .finishedAt(time(state.path("FinishedAt")))
                .error(state.path("Error").asText(""))
                .build();
    }

    /** The health part of an inspect: NONE when the container has no (or a disabled) healthcheck. */
    public static ContainerHealth health(JsonNode healthcheckConfig, JsonNode health) {
        JsonNode test = healthcheckConfig.path("Test");
        if (!test.isArray() || test.isEmpty() || "NONE".equals(test.get(0).asText())) {
            return ContainerHealth.NONE;
        }
        HealthStatus status = HealthStatus.parse(health.path("Status").asText(""));
        if (status == HealthStatus.NONE) {
            status = HealthStatus.STARTING; // configured, but no check has run yet
        }
        JsonNode log = health.path("Log");
        String output = "";
        int exit = -1;
        if (log.isArray() && !log.isEmpty()) {
            JsonNode last = log.get(log.size() - 1);
            output = last.path("Output").asText("").strip();
            exit = last.path("ExitCode").asInt(-1);
        }
        return new ContainerHealth(status, health.path("FailingStreak").asInt(0), output, exit);
    }

    /** The check interval of a container's healthcheck config ({@code Interval} in ns); zero if unset. */
    public static Duration healthInterval(JsonNode containerInspect) {
        long ns = containerInspect.path("Config").path("Healthcheck").path("Interval").asLong(0);
        return Duration.ofNanos(Math.max(0, ns));
    }

    /** One element of {@code GET /libpod/containers/json}. */
    public static ContainerSummary summary(JsonNode n) {
        JsonNode names = n.path("Names");
        String name = names.isArray() && !names.isEmpty() ? names.get(0).asText() : "";
        String stateWord = n.path("State").asText("");
        ContainerState state = ContainerState.parse(stateWord);
        // libpod puts the health word in "Status"; compose a Docker-like human text from the parts
        String health = n.path("Status").asText("");
        StringBuilder status = new StringBuilder(stateWord);
        if (state == ContainerState.EXITED) {
            status.append(" (").append(n.path("ExitCode").asInt(0)).append(')');
        } else if (!health.isEmpty()) {
            status.append(" (").append(health).append(')');
        }
        return new ContainerSummary(n.path("Id").asText(), name, n.path("Image").asText(""), state,
                status.toString(), strings(n.path("Labels")));
    }

    /** {@code GET /libpod/images/{name}/json}. */
    public static ImageInfo image(JsonNode n) {
        List<String> tags = new ArrayList<>();
        n.path("RepoTags").forEach(t -> tags.add(t.asText()));
        String id = n.path("Id").asText();
        return new ImageInfo(id.startsWith("sha256:") ? id : "sha256:" + id, tags, n.path("Size").asLong(0),
                n.path("Os").asText(""), n.path("Architecture").asText(""), strings(n.path("Labels")));
    }

    /** {@code GET /libpod/networks/{name}/json} (Podman 4 netavark/CNI shape, lower-case keys). */
    public static NetworkInfo network(JsonNode n) {
        List<String> subnets = new ArrayList<>();
        n.path("subnets").forEach(s -> subnets.add(s.path("subnet").asText()));
        return new NetworkInfo(n.path("id").asText(), n.path("name").asText(), n.path("driver").asText(""),
                subnets, strings(n.path("labels")));
    }

    /** {@code GET /libpod/volumes/{name}/json}. */
    public static VolumeInfo volume(JsonNode n) {
        return new VolumeInfo(n.path("Name").asText(), n.path("Driver").asText(""),
                n.path("Mountpoint").asText(""), strings(n.path("Labels")));
    }

    /**
     * One object of {@code GET /libpod/events}. Podman sends the health word as a top-level
     * {@code HealthStatus}; it is copied into the {@code health_status} attribute, and the exit code of a
     * {@code died} container into {@code exitCode} (Docker's attribute name) as well. Container actions
     * that Docker spells differently are given Docker's word ({@code died} is {@code die}, {@code remove}
     * is {@code destroy}) so one executor reacts to both engines; the original is kept in the
     * {@code podman_action} attribute.
     */
    public static EngineEvent event(JsonNode n) {
        Map<String, String> attributes = new LinkedHashMap<>(strings(n.path("Actor").path("Attributes")));
        String podmanAction = n.path("Action").asText(n.path("status").asText(""));
        EngineEvent.Type type = eventType(n.path("Type").asText(""));
        String action = type == EngineEvent.Type.CONTAINER ? DOCKER_WORDS.getOrDefault(podmanAction, podmanAction)
                : podmanAction;
        if (!action.equals(podmanAction)) {
            attributes.put("podman_action", podmanAction);
        }
        if (n.hasNonNull("HealthStatus")) {
            attributes.put("health_status", n.get("HealthStatus").asText());
        }
        if (attributes.containsKey("containerExitCode") && "die".equals(action)) {
            attributes.putIfAbsent("exitCode", attributes.get("containerExitCode"));
        }
        long nanos = n.path("timeNano").asLong(0);
        Instant time = nanos > 0 ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(n.path("time").asLong(0));
        return new EngineEvent(type, action,
                n.path("Actor").path("ID").asText(n.path("id").asText("")), attributes, time);
    }

    private static EngineEvent.Type eventType(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "container":
                return EngineEvent.Type.CONTAINER;
            case "image":
                return EngineEvent.Type.IMAGE;
            case "network":
                return EngineEvent.Type.NETWORK;
            case "volume":
                return EngineEvent.Type.VOLUME;
            default:
                return EngineEvent.Type.OTHER;
        }
    }

    /** Inspect's {@code NetworkSettings.Ports}: {@code {"8080/tcp": [{"HostIp": "", "HostPort": "1234"}]}}. */
    static List<PortBinding> inspectPorts(JsonNode ports) {
        List<PortBinding> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : ports.properties()) {
            String[] portProto = e.getKey().split("/", 2);
            int containerPort;
            try {
                containerPort = Integer.parseInt(portProto[0]);
            } catch (NumberFormatException ex) {
                continue;
            }
            Protocol protocol = Protocol.parse(portProto.length > 1 ? portProto[1] : "tcp");
            for (JsonNode b : e.getValue()) {
                int hostPort = b.path("HostPort").asInt(0);
                out.add(new PortBinding(containerPort, protocol, b.path("HostIp").asText(""), hostPort));
            }
        }
        return out;
    }

    private static Map<String, String> addresses(JsonNode networks) {
        Map<String, String> out = new LinkedHashMap<>();
        networks.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("IPAddress").asText("")));
        return out;
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object.isObject()) {
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText("")));
        }
        return out;
    }

    static Instant time(JsonNode text) {
        if (!text.isTextual() || text.asText().isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            Instant t = OffsetDateTime.parse(text.asText()).toInstant();
            return t.equals(GO_ZERO_TIME) ? Instant.EPOCH : t;
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String firstText(JsonNode a, JsonNode b) {
        String s = a.asText("");
        return s.isEmpty() ? b.asText("") : s;
    }
}
