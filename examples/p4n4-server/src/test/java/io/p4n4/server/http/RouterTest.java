package io.p4n4.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Routing: templates with parameters, decoded segments, 404 for unknown paths and 405 naming the methods. */
class RouterTest {
    private final Router router = new Router()
            .route("GET", "/api/v1/stacks/{stack}", ex -> { })
            .route("POST", "/api/v1/stacks/{stack}/up", ex -> { })
            .route("PUT", "/api/v1/scores/{device}/{deployment}", ex -> { })
            .route("DELETE", "/api/v1/scores/{device}/{deployment}", ex -> { });

    @Test
    void parametersAreTakenFromThePathDecoded() {
        Router.Matched m = router.match("PUT", "/api/v1/scores/pi%2D1/my+app");
        assertThat(m.route().template()).isEqualTo("/api/v1/scores/{device}/{deployment}");
        assertThat(m.params()).containsEntry("device", "pi-1").containsEntry("deployment", "my+app");
        assertThat(router.match("POST", "/api/v1/stacks/iot/up/").params()).containsEntry("stack", "iot");
    }

    @Test
    void anUnknownPathIs404AndAKnownOneWithAnotherMethod405NamingTheOthers() {
        assertThatThrownBy(() -> router.match("GET", "/api/v1/stacks/iot/nope")).isInstanceOfSatisfying(
                HttpProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> router.match("GET", "/api/v1/scores/a/b")).isInstanceOfSatisfying(
                MethodNotAllowed.class, p -> {
                    assertThat(p.status()).isEqualTo(405);
                    assertThat(p.allow()).isEqualTo("DELETE, PUT");
                });
    }
}
