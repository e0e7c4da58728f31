package io.p4n4.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.engine.TestEngines;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the server serves at {@code /openapi.json} and its routes are the same set: every route
 * is documented, every documented operation is routed (and answered by its handler, not the router's 404), and
 * every mutating operation declares the bearer token it needs.
 */
@Tag("engine")
class OpenApiDocumentTest {
    @TempDir
    Path tmp;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsAnswered() throws Exception {
        TestProject project = new TestProject(tmp);
        try (ContainerEngine engine = TestEngines.connectAt("docker",
                TestEngines.requireEndpoint(TestEngines.endpointVariable("docker")));
                P4n4Server server = P4n4Server.builder().project(project.directory).engine(engine).port(0).build()
                        .start()) {
            TestHttp http = new TestHttp(server.url());
            HttpResponse<String> served = http.get("/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            JsonNode doc = TestHttp.json(served);
            assertThat(doc.get("openapi").asText()).startsWith("3.");

            TreeSet<String> documented = new TreeSet<>();
            List<String> mutatingWithoutSecurity = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : iterable(doc.get("paths"))) {
                for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                    String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                    documented.add(method + " " + path.getKey());
                    if (!method.equals("GET") && !op.getValue().has("security")) {
                        mutatingWithoutSecurity.add(method + " " + path.getKey());
                    }
                }
            }
            assertThat(new TreeSet<>(server.routes())).isEqualTo(documented);
            assertThat(mutatingWithoutSecurity).isEmpty();

            for (String route : documented) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replace("{stack}", "iot")
                        .replace("{service}", "web").replace("{file}", "app.js").replace("{id}", "no-such-op")
                        .replace("{device}", "d1").replace("{deployment}", "web");
                if (path.endsWith("/events") || path.endsWith("/logs")) {
                    continue; // streams: answered in ServerApiOnEnginesTest
                }
                // without the token a mutating call stops at the guard, after the router found it (else 404)
                HttpResponse<String> r = http.call(method, path, null, null);
                assertThat(r.statusCode()).as(route).isNotIn(405);
                if (r.statusCode() == 404) {
                    assertThat(TestHttp.json(r).get("detail").asText()).as(route).doesNotStartWith("no such route");
                }
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node.properties();
    }
}
