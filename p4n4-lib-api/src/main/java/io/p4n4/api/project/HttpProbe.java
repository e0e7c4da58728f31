package io.p4n4.api.project;

import java.util.Objects;

/**
 * Part of a stack's readiness gate: the stack is ready only when {@code GET <path>} on the host port the
 * engine published for the service's {@code containerPort} answers 2xx. For services whose own
 * healthcheck is weaker than their API being up (Letta has none; Ollama's checks the CLI).
 *
 * @param service the compose service
 * @param containerPort the port inside the container; the stack's compose file must publish it
 * @param path the request path, starting with {@code /}
 */
public record HttpProbe(String service, int containerPort, String path) {

    public HttpProbe {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort must be 1-65535, not " + containerPort);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, not " + path);
        }
    }
}
