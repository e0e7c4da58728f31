package io.p4n4.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.core.P4n4;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.server.P4n4Server;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless chromium against the real server and the real docker engine: a project whose
 * {@code iot} stack is one busybox service (a 1 s healthcheck, a known first log line) under a random compose
 * project name, brought up through {@link Platform}. The page shows it running and healthy, shows the line it
 * printed, and shows it as not running within a second of {@code down} removing its containers.
 */
@Tag("engine")
class DashboardInBrowserTest {

    private static final String ENGINE = "docker";
    private static final Duration ENGINE_WAIT = Duration.ofSeconds(60);
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private String host;
    private String composeProject;
    private String marker;
    private Project project;
    private ContainerEngine engine;
    private P4n4Server server;
    private Browser browser;

    @BeforeEach
    void startTheStackAndTheServer() throws Exception {
        host = TestEngines.requireEndpoint(TestEngines.endpointVariable(ENGINE));
        engine = TestEngines.connectAt(ENGINE, host);
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        String random = UUID.randomUUID().toString().substring(0, 8);
        composeProject = "p4n4-dash-" + random;
        marker = "p4n4-dashboard-marker-" + random;
        project = P4n4.builder().environment(Map.of()).build().projectService()
                .init(InitOptions.of(tmp.resolve("site"), List.of(StackId.IOT)).withName(composeProject));
        // the bundled iot file (Mosquitto, Node-RED, InfluxDB, Grafana) gives way to one small busybox service
        Files.writeString(project.composeFile(StackId.IOT), """
                name: %s
                services:
                  marker:
                    image: %s
                    command: ["sh", "-c", "echo %s; exec sleep 3600"]
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1s
                      timeout: 1s
                      retries: 3
                    stop_grace_period: 1s
                    labels:
                      io.p4n4.test: dashboard-in-browser
                """.formatted(composeProject, TestEngines.TEST_IMAGE, marker));
        Platform.create(engine, project).up(List.of(StackId.IOT),
                UpOptions.builder().waitReady(true).timeout(ENGINE_WAIT).build());

        server = P4n4Server.builder().project(project.directory()).engine(engine).port(0).build().start();
        browser = Browser.start();
    }

    @AfterEach
    void removeEverything() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                if (engine != null) {
                    if (project != null) {
                        Platform.create(engine, project).down(List.of(StackId.IOT),
                                DownOptions.defaults().withVolumes(true));
                        assertThat(containers()).isEmpty();
                    }
                    engine.close();
                }
            }
        }
    }

    @Test
    void theDashboardShowsTheStackItsLogItsDownAndItsUp() throws Exception {
        browser.open(server.url().toString());

        // the page loads, without errors; without a token it asks for one, and takes it from the form
        assertThat(browser.driver().getTitle()).isEqualTo("p4n4 dashboard");
        browser.waitUpTo(PAGE_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("auth-message")));
        assertThat(browser.driver().findElement(By.id("auth-message")).getText()).contains("P4N4_SERVER_TOKEN");
        String token = server.dashboardUrl().getFragment().substring("token=".length());
        browser.driver().findElement(By.id("token-input")).sendKeys(token);
        browser.driver().findElement(By.id("token-save")).click();
        browser.waitUpTo(PAGE_WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("auth")));
        String row = "tr[data-stack=iot][data-service=marker]";
        browser.waitUpTo(PAGE_WAIT).until(ExpectedConditions.textToBe(By.cssSelector(row + " td.state"), "running"));
        browser.waitUpTo(PAGE_WAIT).until(ExpectedConditions.textToBe(By.cssSelector(row + " td.health"), "healthy"));

        // the log view shows the line the container printed
        new Select(browser.driver().findElement(By.id("log-stack"))).selectByValue("iot");
        new Select(browser.driver().findElement(By.id("log-service"))).selectByValue("marker");
        browser.driver().findElement(By.id("log-follow")).click();
        browser.waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("log-lines"), marker));
        assertThat(browser.severeLogEntries()).isEmpty();
        saveScreenshots();

        // down: the containers go, and the page says so within a second of the engine
        assertThat(containers()).isNotEmpty();
        browser.driver().findElement(By.cssSelector("button[data-action=down][data-stack=iot]")).click();
        long deadline = System.nanoTime() + ENGINE_WAIT.toNanos();
        while (!containers().isEmpty()) {
            assertThat(System.nanoTime()).as("the containers of %s are still there after %s", composeProject,
                    ENGINE_WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
        browser.waitUpTo(Duration.ofSeconds(1)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-stack=iot].empty")));
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-stack=iot].empty")).getText())
                .isEqualTo("not running");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-stack=iot][data-service]"))).isEmpty();
        // and the operation the button started ends as succeeded, the buttons usable again
        browser.waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.attributeToBe(By.id("operation"), "data-state", "succeeded"));
        assertThat(browser.driver().findElement(By.id("operation-summary")).getText()).isEqualTo("down iot: succeeded");
        WebElement up = browser.driver().findElement(By.cssSelector("button[data-action=up][data-stack=iot]"));
        assertThat(up.isEnabled()).isTrue();

        // up: the stack comes back, and the page shows it running and healthy again
        up.click();
        browser.waitUpTo(ENGINE_WAIT).until(ExpectedConditions.textToBe(By.cssSelector(row + " td.health"), "healthy"));
        assertThat(browser.driver().findElement(By.cssSelector(row + " td.state")).getText()).isEqualTo("running");
        browser.waitUpTo(PAGE_WAIT)
                .until(ExpectedConditions.attributeToBe(By.id("operation"), "data-state", "succeeded"));
        assertThat(browser.driver().findElement(By.id("operation-summary")).getText()).isEqualTo("up iot: succeeded");
        assertThat(containers()).hasSize(1);
        assertThat(browser.severeLogEntries()).isEmpty();
    }

    private List<ContainerSummary> containers() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of("com.docker.compose.project", composeProject)));
    }

    /** target/dashboard.png, and the path in the system property {@code p4n4.screenshot} when it is set. */
    private void saveScreenshots() {
        Path shot = browser.screenshot(Path.of("target", "dashboard.png"));
        String extra = System.getProperty("p4n4.screenshot");
        if (extra != null && !extra.isBlank()) {
            try {
                Path target = Path.of(extra);
                if (target.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                }
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy the screenshot to " + extra, e);
            }
        }
    }
}
