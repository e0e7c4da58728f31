package io.p4n4.docker.internal;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.p4n4.api.EngineException;
import java.net.URI;

/** Turns docker-java's exceptions and this module's own {@link EngineHttpException}s into {@link EngineException}s that name the engine and the resource. */
final class DockerErrors {
    static final String ENGINE = "docker";

    private DockerErrors() {
    }

    /** Whether docker-java reported HTTP 404 (no such container, image, network, volume). */
    static boolean isNotFound(RuntimeException e) {
        return e instanceof NotFoundException || e instanceof EngineHttpException h && h.status() == 404;
    }

    /** Whether docker-java reported HTTP 409 (name in use, container still running ...). */
    static boolean isConflict(RuntimeException e) {
        return e instanceof ConflictException || e instanceof EngineHttpException h && h.status() == 409;
    }

    /**
     * Wraps a failure of {@code operation} (e.g. "start container") on {@code resource}; unreachable
     * sockets get a hint on how to start the engine.
     */
    static EngineException wrap(URI endpoint, String operation, String resource, RuntimeException e) {
        if (e instanceof EngineException) {
            return (EngineException) e;
        }
        String detail;
        if (e instanceof EngineHttpException) {
            detail = "Docker answered HTTP " + ((EngineHttpException) e).status() + ": " + e.getMessage();
        } else if (e instanceof DockerException) {
            detail = "Docker answered HTTP " + ((DockerException) e).getHttpStatus() + ": " + serverMessage(e);
        } else {
            detail = "Docker at " + endpoint + " is unreachable (" + rootMessage(e) + "); start it "
                    + "(scripts/engines.sh start) or point DOCKER_HOST at a running engine";
        }
        String what = resource == null || resource.isEmpty() ? operation : operation + " " + resource;
        return new EngineException(ENGINE, resource, "docker: " + what + " failed: " + detail, e);
    }

    /** The server's message without docker-java's "Status 404: " prefix and JSON wrapping. */
    static String serverMessage(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().trim();
        m = m.replaceFirst("^Status \\d+: ", "");
        // docker-java passes the body through: {"message":"No such image: x"}
        int at = m.indexOf("\"message\":\"");
        if (at >= 0) {
            // up to the closing quote, unescaping: the message may quote a value ("invalid --security-opt \"x\"")
            StringBuilder text = new StringBuilder();
            for (int i = at + 11; i < m.length(); i++) {
                char c = m.charAt(i);
                if (c == '"') {
                    return text.toString();
                }
                if (c == '\\' && i + 1 < m.length()) {
                    c = m.charAt(++i);
                }
                text.append(c);
            }
        }
        return m;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
