package io.p4n4.server.api;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.core.P4n4;
import io.p4n4.core.compat.Compatibility;
import io.p4n4.core.project.Project;
import io.p4n4.server.http.Exchange;
import io.p4n4.server.http.HttpProblem;
import io.p4n4.server.http.Problems;
import io.p4n4.server.http.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/project}, {@code GET /api/v1/stacks/{stack}} and {@code GET /api/v1/validate}. */
public final class ProjectRoutes {
    private final Backend backend;

    private ProjectRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the routes. */
    public static void register(Router router, Backend backend) {
        ProjectRoutes routes = new ProjectRoutes(backend);
        router.route("GET", "/api/v1/project", routes::project)
                .route("GET", "/api/v1/stacks/{stack}", routes::stack)
                .route("GET", "/api/v1/validate", routes::validate);
    }

    private void project(Exchange ex) throws IOException {
        Project project = backend.platform().project();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", project.name());
        m.put("directory", project.directory().toString());
        List<Object> stacks = new ArrayList<>();
        for (StackId id : backend.platform().stacks()) {
            stacks.add(stack(id, ex.path()));
        }
        m.put("stacks", stacks);
        ex.json(200, m);
    }

    private void stack(Exchange ex) throws IOException {
        ex.json(200, stack(stackOf(backend, ex.param("stack")), ex.path()));
    }

    /** One stack: its VERSION and its services in dependency order, or the problem its compose file has. */
    private Map<String, Object> stack(StackId id, String instance) throws IOException {
        Project project = backend.platform().project();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.value());
        Path version = project.stackDirectory(id).resolve(Compatibility.VERSION_FILE);
        m.put("version", Files.isRegularFile(version) ? Files.readString(version).strip() : null);
        m.put("compose_file", project.composeFile(id).toString());
        try {
            ComposeProject compose = backend.platform().load(id);
            m.put("compose_project", compose.name());
            m.put("services", compose.servicesInDependencyOrder().stream().map(ComposeService::name).toList());
        } catch (P4n4Exception e) {
            // one broken compose file does not hide the other stacks
            m.put("services", List.of());
            m.put("problem", Problems.of(e, instance));
        }
        return m;
    }

    private void validate(Exchange ex) throws IOException {
        ex.json(200, ProjectJson.report(P4n4.projects().validate(backend.platform().project().directory())));
    }

    /** The stack named {@code value}, or a 404 naming the project's stacks. */
    static StackId stackOf(Backend backend, String value) {
        List<StackId> stacks = backend.platform().stacks();
        for (StackId s : stacks) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        throw HttpProblem.notFound("the project has no stack '" + value + "'; its stacks are "
                + stacks.stream().map(StackId::value).toList());
    }
}
