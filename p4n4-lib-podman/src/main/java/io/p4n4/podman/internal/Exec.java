package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.EngineException;
import io.p4n4.api.engine.ExecOptions;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.LogStream;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import io.p4n4.podman.internal.libpod.MultiplexedLogReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command in a container: {@code POST /containers/{name}/exec} creates the session,
 * {@code POST /exec/{id}/start} streams its framed output until it ends, {@code GET /exec/{id}/json}
 * gives the exit code.
 */
final class Exec {
    private final LibpodHttp http;

    Exec(LibpodHttp http) {
        this.http = http;
    }

    ExecResult run(String container, List<String> command, ExecOptions options) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("exec needs a command");
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("Cmd", command, "AttachStdout", true,
                "AttachStderr", true));
        if (!options.environment().isEmpty()) {
            body.put("Env", options.environmentEntries());
        }
        options.findUser().ifPresent(u -> body.put("User", u));
        options.findWorkingDir().ifPresent(d -> body.put("WorkingDir", d));
        LibpodResponse created = http.request("POST", "containers", container, "exec")
                .jsonBody(body)
                .resource(container).send();
        if (created.status() == 404) {
            throw PodmanErrors.containerMissing(container);
        }
        if (!created.isSuccess()) {
            throw created.failure("exec needs a running container");
        }
        String id = created.json().path("Id").asText();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try (LibpodHttp.StreamingCall call = http.request("POST", "exec", id, "start")
                .jsonBody(Map.of("Detach", false, "Tty", false)).resource(container).openStream()) {
            new MultiplexedLogReader(call.body()).readAll((stream, line) -> {
                (stream == LogStream.STDERR ? err : out).append(line).append('\n');
                return true;
            });
        } catch (IOException e) {
            throw new EngineException(PodmanEngine.ID, container, "exec in " + container + " broke off: "
                    + e.getMessage(), e);
        }
        return new ExecResult(exitCode(id, container), out.toString(), err.toString());
    }

    /** The session may still be marked running for a moment after its output ended. */
    private int exitCode(String id, String container) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            JsonNode n = http.request("GET", "exec", id, "json").resource(container).sendForJson();
            if (!n.path("Running").asBoolean(false) || System.nanoTime() > deadline) {
                return n.path("ExitCode").asInt(-1);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(PodmanEngine.ID, container, "interrupted waiting for exec in " + container, e);
            }
        }
    }
}
