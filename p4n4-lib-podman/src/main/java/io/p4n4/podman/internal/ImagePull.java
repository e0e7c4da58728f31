package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.EngineException;
import io.p4n4.api.engine.PullListener;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.api.registry.PullFailures;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.api.registry.RegistryCredentials;
import io.p4n4.podman.internal.libpod.JsonObjectReader;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One image pull through Podman's Docker-compatible {@code POST /v1.41/images/create?fromImage=}, not libpod's
 * {@code /libpod/images/pull}: in Podman 4.3 the libpod stream carries only text lines ("Copying blob
 * sha256:..."), while the compatible one reports each layer ("Pulling fs layer", "Downloading" with current and
 * total bytes about once a second while a layer downloads, "Download complete") in Docker's shape. Credentials go
 * in X-Registry-Auth. Thread-safe (stateless).
 */
final class ImagePull {
    private static final String ID = PodmanEngine.ID;
    private final LibpodHttp http;
    private final RegistryCredentialStore credentials;

    ImagePull(LibpodHttp http, RegistryCredentialStore credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    void pull(String image, PullListener listener) {
        Optional<RegistryCredentials> auth = credentials.findForImage(image);
        Reference ref = Reference.parse(image);
        LibpodHttp.RequestBuilder request = http.compatRequest("POST", "images", "create")
                .query("fromImage", ref.repository()).query("tag", ref.tag()).resource(image);
        auth.ifPresent(c -> request.header("X-Registry-Auth", registryAuth(c)));
        String[] error = {null};
        try (LibpodHttp.StreamingCall call = request.openStream()) {
            new JsonObjectReader(http.mapper()).readAll(call.body(), n -> {
                if (n.hasNonNull("error")) {
                    error[0] = n.get("error").asText();
                    return false;
                }
                listener.onProgress(progress(image, n));
                return true;
            });
        } catch (EngineException e) {
            // a refusal before the stream starts (HTTP 4xx/5xx): Podman's message names the cause
            throw PullFailures.of(ID, image, e.getMessage(), auth, credentials);
        } catch (IOException e) {
            throw new EngineException(ID, image, "podman: the pull of " + image + " broke off: " + e.getMessage(), e);
        }
        if (error[0] != null) {
            throw PullFailures.of(ID, image, error[0], auth, credentials);
        }
    }

    private static PullProgress progress(String image, JsonNode n) {
        JsonNode detail = n.path("progressDetail");
        return new PullProgress(image, n.path("id").asText(""), n.path("status").asText(""),
                detail.path("current").asLong(0), detail.path("total").asLong(0));
    }

    /** Docker's X-Registry-Auth: URL-safe base64 of a JSON AuthConfig. */
    private String registryAuth(RegistryCredentials c) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("username", c.username());
        config.put("password", c.password());
        config.put("serveraddress", c.registry());
        try {
            return Base64.getUrlEncoder().encodeToString(http.mapper().writeValueAsString(config)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode registry credentials for " + c.registry(), e);
        }
    }

    /** {@code 127.0.0.1:5000/a/b:1} is repository {@code 127.0.0.1:5000/a/b}, tag {@code 1}; none means latest. */
    private record Reference(String repository, String tag) {
        static Reference parse(String image) {
            if (image.contains("@")) {
                return new Reference(image, null);
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            if (colon > slash) {
                return new Reference(image.substring(0, colon), image.substring(colon + 1));
            }
            return new Reference(image, "latest");
        }
    }
}
