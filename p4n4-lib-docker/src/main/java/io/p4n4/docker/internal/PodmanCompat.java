package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.p4n4.api.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the Docker backend does differently when the socket it talks to is Podman's Docker-compatible one
 * (e.g. {@code DOCKER_HOST} pointed at {@code podman.sock}): Podman without systemd never runs healthchecks
 * by itself, so they are run through libpod's endpoint on the same socket.
 */
final class PodmanCompat {

    private PodmanCompat() {
    }

    /** Whether {@code /version} came from Podman (it names a "Podman Engine" component). */
    static boolean isPodman(JsonNode version) {
        for (JsonNode c : version.path("Components")) {
            String name = JsonMapping.text(c, "Name");
            if (name != null && name.contains("Podman")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the container's healthcheck once via {@code GET /v4.0.0/libpod/containers/{name}/healthcheck}.
     *
     * @return false when the container has no healthcheck
     */
    static boolean runHealthcheck(DockerHttpClient http, URI endpoint, String container) {
        String path = "/v4.0.0/libpod/containers/" + URLEncoder.encode(container, StandardCharsets.UTF_8)
                + "/healthcheck";
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            int status = response.getStatusCode();
            if (status == 200) {
                return true;
            }
            if (status == 409 && text.contains("no defined healthcheck")) {
                return false;
            }
            throw new EngineException(DockerErrors.ENGINE, container, "docker: run healthcheck of container "
                    + container + " failed: Podman answered HTTP " + status + ": " + text.trim(), null);
        } catch (IOException e) {
            throw new EngineException(DockerErrors.ENGINE, container, "docker: run healthcheck of container "
                    + container + " at " + endpoint + " failed: " + e.getMessage(), e);
        }
    }
}
