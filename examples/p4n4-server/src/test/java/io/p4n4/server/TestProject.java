package io.p4n4.server;

import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A p4n4 project whose {@code iot} stack is two small busybox services under a random compose project name:
 * {@code web} with a 1 s healthcheck that prints a marker line, and {@code worker} that depends on it. Nothing
 * is published on the host and no external network is joined, so tests do not collide; {@code sleep} as PID 1
 * ignores SIGTERM, so a 1 s grace period keeps {@code down} short.
 */
final class TestProject {
    final Path directory;
    final String composeName = "p4n4-srv-" + UUID.randomUUID().toString().substring(0, 8);
    final String marker = "p4n4-server-marker-" + UUID.randomUUID().toString().substring(0, 8);

    TestProject(Path parent) throws IOException {
        directory = parent.resolve("site");
        P4n4.projects().init(InitOptions.of(directory, List.of(StackId.IOT)));
        Files.writeString(directory.resolve("stacks/iot/docker-compose.yml"), """
                name: %s
                services:
                  web:
                    image: %s
                    command: ["sh", "-c", "echo %s; touch /tmp/ok; exec sleep 3600"]
                    stop_grace_period: 1s
                    healthcheck:
                      test: ["CMD", "test", "-f", "/tmp/ok"]
                      interval: 1s
                      timeout: 1s
                      retries: 5
                  worker:
                    image: %s
                    command: ["sleep", "3600"]
                    stop_grace_period: 1s
                    depends_on:
                      web:
                        condition: service_healthy
                """.formatted(composeName, TestEngines.TEST_IMAGE, marker, TestEngines.TEST_IMAGE));
    }
}
