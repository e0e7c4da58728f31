package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.junit.internal.RunIdentity;
import io.p4n4.junit.internal.RunLabels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@link P4n4Compose} gives a test class, on the engine its subclass names: web.yml (a web server published
 * as {@code - "80"}, a worker gated on its health, a named volume) up once for the class.
 */
@Tag("engine")
abstract class ComposeExtensionContract {
    private final ComposeEnvironment fromConstructor;

    ComposeExtensionContract(ComposeEnvironment env) {
        this.fromConstructor = env;
    }

    abstract String engineId();

    @Test
    void constructorAndTestGetTheSameRunningEnvironment(ComposeEnvironment env) {
        assertThat(env).isSameAs(fromConstructor);
        assertThat(env.engine().id()).isEqualTo(engineId());
    }

    @Test
    void aPortPublishedWithoutHostPortIsReachable(ComposeEnvironment env) throws Exception {
        URI uri = URI.create("http://" + env.host("web", 80) + ":" + env.port("web", 80) + "/");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello-p4n4\n");
    }

    @Test
    void projectNameIsTheFileNamePlusARandomSuffix(ComposeEnvironment env) {
        assertThat(env.projectName()).matches("web-yml-[0-9a-f]{8}");
    }

    @Test
    void execRunsInTheService(ComposeEnvironment env) {
        ExecResult result = env.exec("web", "cat", "/www/index.html");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello-p4n4\n");
    }

    @Test
    void logsHoldWhatTheServiceWrote(ComposeEnvironment env) {
        assertThat(env.logs("worker")).contains("worker started");
        assertThat(env.logs("web")).contains("web ready");
    }

    @Test
    void everyContainerNetworkAndVolumeNamesThisRun(ComposeEnvironment env) {
        ProjectObjects objects = ProjectObjects.of(env.engine(), env.projectName());
        assertThat(objects.containers()).hasSize(2);
        assertThat(objects.networks()).hasSize(1);
        assertThat(objects.volumes()).hasSize(1);
        assertThat(objects.all()).allSatisfy(labels ->
                assertThat(labels).containsEntry(RunLabels.RUN, RunIdentity.current().value()));
    }

    @Test
    void aPortTheServiceDoesNotPublishIsRefusedNamingIt(ComposeEnvironment env) {
        assertThatThrownBy(() -> env.port("web", 81)).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("does not publish container port 81/tcp")
                .hasMessageContaining("web.yml")
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.USER));
    }

    @Test
    void anUnknownServiceIsRefusedNamingTheKnownOnes(ComposeEnvironment env) {
        assertThatThrownBy(() -> env.exec("nope", "true")).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("nope").hasMessageContaining("web");
    }

    @Test
    void logDirectoryIsUnderTargetNamedAfterTheClass(ComposeEnvironment env) {
        assertThat(env.findLogDirectory()).contains(Path.of("target", "p4n4-logs", getClass().getName())
                .toAbsolutePath());
        assertThat(env.writeLogs()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("web.log", "worker.log");
        assertThat(env.findLogDirectory().orElseThrow().resolve("worker.log")).satisfies(p ->
                assertThat(Files.readString(p)).contains("worker started"));
    }
}
