package io.p4n4.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's own behaviour in headless chromium, against {@link FakeApi} (no engine, no real server): the
 * token, the live stack table, up/down with progress, errors, logs and devices.
 */
class DashboardPageTest {

    private static final String TOKEN = "s3cret-token";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Browser browser;
    private FakeApi api;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startFake() {
        api = FakeApi.start(); // a new port each time: a new origin, so an empty sessionStorage
        api.answer("GET", "/api/v1/devices", 200, "{\"configured\":false,\"devices\":[]}");
        api.publishStatus(status(1, "\"iot\":[" + service("mqtt", "running", "healthy") + ","
                + service("node-red", "running", null) + "],\"ai\":[]"));
    }

    @AfterEach
    void stopFake() {
        browser.reset(); // leave the page first: its streams end before the fake ends them
        api.close();
    }

    @Test
    void tokenMovesFromTheAddressBarIntoSessionStorage() {
        browser.open(api.url() + "#token=" + TOKEN);

        browser.waitUpTo(WAIT).until(d -> !d.getCurrentUrl().contains("token"));
        assertThat(browser.driver().getTitle()).isEqualTo("p4n4 dashboard");
        assertThat(browser.driver().executeScript("return sessionStorage.getItem('p4n4.token')")).isEqualTo(TOKEN);
        assertThat(browser.driver().findElement(By.id("auth-message")).isDisplayed()).isFalse();
        assertThat(browser.severeLogEntries()).isEmpty();
    }

    @Test
    void withoutATokenThePageSaysSoAndSendsNoMutatingCall() throws InterruptedException {
        browser.open(api.url());
        WebElement up = waitForStack("iot").findElement(By.cssSelector("button[data-action=up][data-stack=iot]"));

        assertThat(text("auth-message")).contains("No token").contains("P4N4_SERVER_TOKEN")
                .contains("--print-token-url");
        up.click();

        browser.waitUpTo(WAIT).until(d -> "failed".equals(attribute("operation", "data-state")));
        assertThat(api.takeMutatingRequest(Duration.ofMillis(300))).isNull();
    }

    @Test
    void statusEventsShowOneRowPerServiceAndUpdateLive() {
        openWithToken();
        WebElement iot = waitForStack("iot");

        assertThat(iot.findElement(By.cssSelector("tr[data-stack=iot][data-service=mqtt] td.state")).getText())
                .isEqualTo("running");
        assertThat(iot.findElement(By.cssSelector("tr[data-stack=iot][data-service=mqtt] td.health")).getText())
                .isEqualTo("healthy");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-stack=iot][data-service]"))).hasSize(2);
        assertThat(browser.driver().findElement(By.cssSelector("tr[data-stack=ai].empty")).getText())
                .isEqualTo("not running");

        api.publishStatus(status(2, "\"iot\":[],\"ai\":[]")); // the containers are gone: no reload, no polling

        browser.waitUpTo(WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-stack=iot].empty")));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-stack=iot][data-service]"))).isEmpty();
        assertThat(browser.severeLogEntries()).isEmpty();
    }

    @Test
    void upPostsWithTheTokenAndFollowsTheProgressUntilDone() throws InterruptedException {
        api.answer("POST", "/api/v1/stacks/iot/up", 202, operation("op-1", "up"));
        api.stream("/api/v1/operations/op-1/events",
                "progress", progress("pull", "eclipse-mosquitto:2"),
                "progress", progress("start", "mqtt"),
                "done", "{\"stack\":\"iot\",\"services\":2}");
        openWithToken();
        waitForStack("iot").findElement(By.cssSelector("button[data-action=up][data-stack=iot]")).click();

        FakeApi.Recorded post = api.takeMutatingRequest(WAIT);
        assertThat(post).isNotNull();
        assertThat(post.path()).isEqualTo("/api/v1/stacks/iot/up");
        assertThat(post.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(post.body()).isEqualTo("{\"wait\":true}");
        browser.waitUpTo(WAIT).until(d -> "succeeded".equals(attribute("operation", "data-state")));
        assertThat(text("operation")).contains("pull", "eclipse-mosquitto:2", "start", "mqtt", "succeeded");
        assertThat(button("up", "iot").isEnabled()).isTrue();
        assertThat(browser.severeLogEntries()).isEmpty();
    }

    @Test
    void buttonsStayDisabledWhileTheOperationRuns() {
        api.answer("POST", "/api/v1/stacks/iot/down", 202, operation("op-2", "down"));
        api.stream("/api/v1/operations/op-2/events", "progress", progress("stop", "mqtt")); // no final event yet
        openWithToken();
        waitForStack("iot");
        button("down", "iot").click();

        browser.waitUpTo(WAIT).until(d -> text("operation").contains("stop"));
        assertThat(attribute("operation", "data-state")).isEqualTo("running");
        assertThat(button("up", "iot").isEnabled()).isFalse();
        assertThat(button("down", "iot").isEnabled()).isFalse();
        assertThat(button("up", "ai").isEnabled()).isTrue();
    }

    @Test
    void aFailedOperationShowsItsCodeAndMessage() {
        api.answer("POST", "/api/v1/stacks/iot/up", 202, operation("op-3", "up"));
        api.stream("/api/v1/operations/op-3/events",
                "progress", progress("pull", "eclipse-mosquitto:2"),
                "failed", "{\"code\":\"ENGINE\",\"message\":\"pull access denied for eclipse-mosquitto\"}");
        openWithToken();
        waitForStack("iot");
        button("up", "iot").click();

        browser.waitUpTo(WAIT).until(d -> "failed".equals(attribute("operation", "data-state")));
        assertThat(text("operation")).contains("ENGINE", "pull access denied for eclipse-mosquitto");
        assertThat(button("up", "iot").isEnabled()).isTrue();
    }

    @Test
    void aRefusedCallShowsTheProblemDetail() {
        api.answer("POST", "/api/v1/stacks/iot/down", 409, "{\"type\":\"https://p4n4.io/problems/compatibility\","
                + "\"title\":\"Incompatible\",\"status\":409,\"detail\":\"the stack needs engine features <b>x</b>\","
                + "\"code\":\"COMPATIBILITY\"}");
        openWithToken();
        waitForStack("iot");
        button("down", "iot").click();

        browser.waitUpTo(WAIT).until(d -> "failed".equals(attribute("operation", "data-state")));
        assertThat(text("operation")).contains("the stack needs engine features <b>x</b>"); // as text, not markup
        assertThat(browser.driver().findElements(By.cssSelector("#operation b"))).isEmpty();
    }

    @Test
    void aRefusedTokenSays401() {
        api.answer("POST", "/api/v1/stacks/iot/up", 401,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bearer token missing or wrong\","
                        + "\"code\":\"USER\"}");
        openWithToken();
        waitForStack("iot");
        button("up", "iot").click();

        browser.waitUpTo(WAIT).until(d -> d.findElement(By.id("auth-message")).isDisplayed());
        assertThat(text("auth-message")).contains("401");
        assertThat(text("operation")).contains("bearer token missing or wrong");
    }

    @Test
    void followingAServiceAppendsItsLinesUpToOneThousand() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            events.add("log");
            events.add("{\"stream\":\"stdout\",\"text\":\"line " + i + "\"}");
        }
        api.stream("/api/v1/stacks/iot/services/node-red/logs?tail=100", events.toArray(String[]::new));
        openWithToken();
        waitForStack("iot");
        new Select(browser.driver().findElement(By.id("log-stack"))).selectByValue("iot");
        new Select(browser.driver().findElement(By.id("log-service"))).selectByValue("node-red");
        browser.driver().findElement(By.id("log-follow")).click();

        browser.waitUpTo(WAIT).until(d -> logText().endsWith("line 1004\n"));
        String[] lines = logText().split("\n");
        assertThat(lines).hasSize(1000);
        assertThat(lines[0]).isEqualTo("line 5");
        new Select(browser.driver().findElement(By.id("log-service"))).selectByValue("mqtt");
        assertThat(text("log-state")).isEqualTo("not following");
    }

    @Test
    void devicesShowDesiredAgainstReported() {
        api.answer("GET", "/api/v1/devices", 200, "{\"configured\":true,\"devices\":[{\"device\":\"dev-1\","
                + "\"reported\":{\"state\":\"online\",\"time\":\"2026-12-05T07:00:00Z\"},\"deployments\":["
                + "{\"deployment\":\"web\",\"desired\":{\"revision\":3,\"type\":\"compose\","
                + "\"hash\":\"abcdef0123456789\","
                + "\"generation\":7},\"reported\":{\"state\":\"running\",\"revision\":2,\"message\":\"pulling\"}}]}]}");
        openWithToken();
        browser.driver().findElement(By.id("devices-refresh")).click();

        browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("devices-table")));
        WebElement row = browser.driver().findElement(By.cssSelector("tr[data-device=dev-1][data-deployment=web]"));
        assertThat(row.findElement(By.cssSelector("td.desired")).getText()).contains("rev 3", "compose", "gen 7");
        assertThat(row.findElement(By.cssSelector("td.reported")).getText()).contains("running", "rev 2", "pulling");
        assertThat(row.findElement(By.cssSelector("td.sync")).getText()).isEqualTo("no");
    }

    @Test
    void devicesWithoutNatsSayHowToConfigureIt() {
        openWithToken();

        browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("devices-message")));
        assertThat(text("devices-message")).isEqualTo("no NATS configured (p4n4 serve --nats URL)");
    }

    private void openWithToken() {
        browser.open(api.url() + "#token=" + TOKEN);
    }

    private WebElement waitForStack(String stack) {
        return browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.stack[data-stack=" + stack + "]")));
    }

    private WebElement button(String action, String stack) {
        return browser.driver()
                .findElement(By.cssSelector("button[data-action=" + action + "][data-stack=" + stack + "]"));
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private String attribute(String id, String name) {
        return browser.driver().findElement(By.id(id)).getDomAttribute(name);
    }

    private String logText() {
        // textContent, not getText(): the whole scrolled text, with its line ends
        return String.valueOf(
                browser.driver().executeScript("return document.getElementById('log-lines').textContent"));
    }

    private static String status(int sequence, String stacks) {
        return "{\"sequence\":" + sequence + ",\"at\":\"2026-12-05T07:00:00Z\",\"engine\":\"docker\",\"stacks\":{"
                + stacks + "}}";
    }

    private static String service(String name, String state, String health) {
        return "{\"service\":\"" + name + "\",\"container\":\"site-" + name + "-1\",\"image\":\"busybox\",\"state\":\""
                + state + "\",\"health\":" + (health == null ? "null" : "\"" + health + "\"")
                + ",\"ports\":[{\"host_ip\":\"127.0.0.1\",\"host_port\":1883,\"container_port\":1883,"
                + "\"protocol\":\"tcp\"}]}";
    }

    private static String operation(String id, String kind) {
        return "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"stack\":\"iot\",\"state\":\"running\","
                + "\"events\":\"/api/v1/operations/" + id + "/events\"}";
    }

    private static String progress(String step, String subject) {
        return "{\"step\":\"" + step + "\",\"subject\":\"" + subject + "\",\"detail\":null,"
                + "\"time\":\"2026-12-05T07:00:01Z\"}";
    }
}
