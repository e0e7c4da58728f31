package io.p4n4.junit.internal;

import io.p4n4.api.project.StackId;
import io.p4n4.junit.ComposeEnvironment;
import io.p4n4.junit.ComposeSetup;
import io.p4n4.junit.EngineChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** A scaffolded stack that runs, with its clients and its temporary project; closing removes all three. */
public final class StackEnvironment implements AutoCloseable {
    private final Path tempDir;
    private final ComposeEnvironment env;
    private final StackClients clients;

    private StackEnvironment(Path tempDir, ComposeEnvironment env, StackClients clients) {
        this.tempDir = tempDir;
        this.env = env;
        this.clients = clients;
    }

    /** Scaffolds {@code stack} in a temporary directory and brings it up; logs go to {@code logDirectory}. */
    public static StackEnvironment start(StackId stack, EngineChoice engine, String host, Duration timeout,
            Path logDirectory, String owner) throws IOException {
        Path tempDir = Files.createTempDirectory("p4n4-stack-" + stack.value() + "-");
        try {
            StackScaffold scaffold = StackScaffold.create(stack, tempDir.resolve("project"));
            ComposeEnvironment env = ComposeEnvironment.start(ComposeSetup.builder()
                    .file(scaffold.composeFile()).file(scaffold.overrideFile())
                    .projectDirectory(scaffold.composeFile().getParent()).envFile(scaffold.envFile())
                    .engine(engine).host(host).waitTimeout(timeout).logDirectory(logDirectory).owner(owner).build());
            return new StackEnvironment(tempDir, env, StackClients.of(scaffold.projectDirectory(), env));
        } catch (RuntimeException e) {
            delete(tempDir);
            throw e;
        }
    }

    /** The running stack. */
    public ComposeEnvironment environment() {
        return env;
    }

    /** Its clients. */
    public StackClients clients() {
        return clients;
    }

    @Override
    public void close() {
        try {
            clients.close();
        } finally {
            try {
                env.close();
            } finally {
                delete(tempDir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
