package io.p4n4.testkit.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the endpoint of a test engine: the environment variable, else the system property of that name,
 * else the files {@code scripts/engines.sh start} and {@code scripts/services.sh start} write
 * ({@code /tmp/p4n4-it/engines.env}, {@code /tmp/p4n4-it/services.env}), so a plain {@code ./mvnw verify}
 * after starting them finds them without sourcing anything.
 */
public final class TestEndpoints {
    /** Where scripts/engines.sh writes its variables. */
    public static final Path ENGINES_ENV = Path.of("/tmp/p4n4-it/engines.env");
    /** Where scripts/services.sh writes its variables (nats-server, Mosquitto). */
    public static final Path SERVICES_ENV = Path.of("/tmp/p4n4-it/services.env");

    private TestEndpoints() {
    }

    /** The value of {@code variable} from the environment, system properties, engines.env or services.env. */
    public static Optional<String> find(String variable) {
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) {
            v = System.getProperty(variable);
        }
        for (Path file : new Path[] {ENGINES_ENV, SERVICES_ENV}) {
            if ((v == null || v.isBlank()) && Files.isRegularFile(file)) {
                try {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (line.startsWith(variable + "=")) {
                            v = line.substring(variable.length() + 1).trim();
                        }
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
