package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.EngineException;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import java.net.URI;

/** Reads libpod's {@code /version} answer and checks that the service is a Podman new enough for us. */
final class PodmanVersions {
    /** The oldest Podman major version whose libpod API (v4 paths, netavark-era JSON) we speak. */
    static final int MIN_MAJOR = 4;

    private PodmanVersions() {
    }

    /**
     * Parses {@code GET /v4.0.0/libpod/version}. Throws ENGINE when the answer is not Podman's, and
     * COMPATIBILITY when the Podman is older than 4.
     */
    static EngineVersion parse(JsonNode n, URI endpoint) {
        JsonNode podman = null;
        for (JsonNode c : n.path("Components")) {
            if ("Podman Engine".equals(c.path("Name").asText())) {
                podman = c;
            }
        }
        if (podman == null) {
            throw new EngineException(PodmanEngine.ID, null, "the service at " + endpoint
                    + " is not Podman (its /version names no 'Podman Engine' component); point CONTAINER_HOST"
                    + " at a Podman socket, or use the docker engine for a Docker socket", null);
        }
        String version = podman.path("Version").asText(n.path("Version").asText(""));
        String api = podman.path("Details").path("APIVersion").asText(version);
        requireSupported(version, endpoint);
        return new EngineVersion("Podman Engine", version, api, LibpodHttp.API_VERSION,
                n.path("Os").asText(""), n.path("Arch").asText(""));
    }

    /** Throws COMPATIBILITY when {@code version} (Podman's or libpod's) is older than 4. */
    static void requireSupported(String version, URI endpoint) {
        if (major(version) < MIN_MAJOR) {
            throw new EngineException(ErrorCode.COMPATIBILITY, PodmanEngine.ID, null, "Podman " + version + " at "
                    + endpoint + " is too old: p4n4 needs Podman " + MIN_MAJOR + ".0 or newer (libpod API v4)", null);
        }
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // unknown spelling: do not refuse a possibly newer Podman
        }
    }
}
