package io.p4n4.templates.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.template.PreparedTemplate;
import io.p4n4.core.template.RegistrySnapshot;
import io.p4n4.core.template.TemplateRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git registries, as upstream keeps them (index.json at the root, one directory per template), in a real
 * bare repository made with the git binary: over a {@code file:} URL and over {@code git://} from a real
 * {@code git daemon}. The product itself uses JGit only.
 */
class GitRegistryTest {
    @TempDir
    Path tmp;
    private Path bare;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path t = Files.createDirectories(work.resolve("templates/hello/files"));
        Files.writeString(t.resolve("../p4n4-template.toml"), """
                [template]
                name = "hello"
                version = "1.0.0"
                description = "Says hello"
                author = "tests"
                license = "MIT"
                tags = ["demo"]
                [template.requires]
                cli = ">=0.1.0"
                stacks = ["iot"]
                """);
        Files.writeString(t.resolve("HELLO.md.j2"), "hello {{ project_name }}\n");
        Files.writeString(work.resolve("index.json"), """
                {"org": "git-tests", "index_version": "2", "templates": {"hello": {"repo": ".",
                  "subdir": "templates/hello", "description": "Says hello", "tags": ["demo"], "latest": "1.0.0",
                  "author": "tests", "license": "MIT", "requires_stacks": ["iot"]}}}
                """);
        git(work, "init", "-q", "-b", "main");
        git(work, "add", "-A");
        git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "registry");
        bare = tmp.resolve("registry.git");
        git(tmp, "clone", "-q", "--bare", work.toString(), bare.toString());
        project = tmp.resolve("proj");
        P4n4.projects().init(InitOptions.of(project, List.of(StackId.IOT)).withName("gitproj"));
    }

    private TemplateRegistry registry(boolean offline) {
        return TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache")).offline(offline).build();
    }

    @Test
    void theGitSourceIsFoundByServiceLoaderAndWinsForRepositories() {
        TemplateRegistry registry = registry(false);
        assertThat(registry.sources()).first().extracting(s -> s.id()).isEqualTo("git");
        GitTemplateSource git = new GitTemplateSource();
        assertThat(git.accepts(bare.toUri())).isTrue();
        assertThat(git.accepts(tmp.resolve("work/templates").toUri())).as("a plain directory").isFalse();
        assertThat(git.accepts(URI.create("https://example.org/index.json"))).isFalse();
        assertThat(git.accepts(URI.create("git://example.org/t.git"))).isTrue();
    }

    @Test
    void aBareRepositoryOverAFileUrlIsPulledFrom() {
        TemplateRegistry registry = registry(false);
        RegistrySnapshot snapshot = registry.snapshot(bare.toUri());
        assertThat(snapshot.index().org()).isEqualTo("git-tests");
        try (PreparedTemplate t = registry.prepare(List.of(bare.toUri()), "hello")) {
            registry.pull(t, project, Map.of(), false);
        }
        assertThat(project.resolve("HELLO.md")).hasContent("hello gitproj");
    }

    @Test
    void aRepositoryServedByGitDaemonIsPulledFromAndOfflineUsesItsSnapshot() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
                "--port=" + port, "--base-path=" + tmp, tmp.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("daemon.log").toFile()).start();
        URI url = URI.create("git://127.0.0.1:" + port + "/registry.git");
        try {
            waitForPort(port, daemon);
            TemplateRegistry registry = registry(false);
            try (PreparedTemplate t = registry.prepare(List.of(url), "hello")) {
                registry.pull(t, project, Map.of(), false);
            }
            assertThat(project.resolve("HELLO.md")).hasContent("hello gitproj");
        } finally {
            daemon.destroy();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> registry(false).snapshot(url))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining(url.toString()).hasMessageContaining("--offline");
        RegistrySnapshot offline = registry(true).snapshot(url);
        assertThat(offline.index().find("hello")).isPresent();
        assertThat(offline.notice()).contains("cached snapshot").contains("ago");
    }

    private static void waitForPort(int port, Process daemon) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("git daemon ended with " + daemon.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("git daemon did not listen on " + port);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
    }
}
