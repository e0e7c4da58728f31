package io.p4n4.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error taxonomy as HTTP: each {@link ErrorCode} has its status, and a problem says where the fault is. */
class ProblemsTest {

    @Test
    void eachErrorCodeHasItsStatus() {
        assertThat(Map.of(ErrorCode.USER, 400, ErrorCode.VALIDATION, 422, ErrorCode.COMPATIBILITY, 409,
                ErrorCode.ENGINE, 502, ErrorCode.NETWORK, 503, ErrorCode.GENERAL, 500))
                .allSatisfy((code, status) -> assertThat(Problems.status(new P4n4Exception(code, "x")))
                        .as(code.name()).isEqualTo(status));
        assertThat(Problems.status(HttpProblem.notFound("gone"))).isEqualTo(404);
    }

    @Test
    void aProblemNamesTheFileLineAndKeyOfAnInvalidFile() {
        Path file = Path.of("/srv/site/stacks/iot/docker-compose.yml");
        Map<String, Object> doc = Problems.of(new InvalidFileException(ErrorCode.VALIDATION, file, 7, 3,
                "services.web.image", "missing; add it", null), "/api/v1/stacks/iot");
        assertThat(doc).containsEntry("type", "https://p4n4.io/problems/validation").containsEntry("status", 422)
                .containsEntry("title", "Validation failed").containsEntry("code", "VALIDATION")
                .containsEntry("file", file.toString()).containsEntry("line", 7)
                .containsEntry("key", "services.web.image").containsEntry("instance", "/api/v1/stacks/iot");
        assertThat((String) doc.get("detail")).contains("missing; add it");
        assertThat(Problems.of(new P4n4Exception(ErrorCode.ENGINE, "down"), "/x")).doesNotContainKeys("file",
                "line", "key");
    }
}
