package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.podman.internal.health.HealthcheckDriver;
import io.p4n4.podman.internal.health.HealthcheckDriver.Outcome;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodModels;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import io.p4n4.podman.internal.libpod.SpecGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Podman's healthchecks, run by us: one check now ({@link #run}), and checks on each container's
 * interval while its health is awaited (a poll saw it {@code starting}, or an event subscription is
 * open). Thread-safe; {@link #close()} ends every schedule and thread.
 */
final class PodmanHealth implements AutoCloseable {
    /** How long one poll of a container's health keeps it driven: this many intervals (at least 30 s). */
    private static final int LEASE_INTERVALS = 3;
    private static final Duration MIN_LEASE = Duration.ofSeconds(30);

    private final LibpodHttp http;
    private final Function<String, Optional<JsonNode>> inspector;
    private final HealthcheckDriver driver;

    PodmanHealth(LibpodHttp http, Function<String, Optional<JsonNode>> inspector) {
        this.http = http;
        this.inspector = inspector;
        this.driver = new HealthcheckDriver(this::runCheck);
    }

    /** Runs the container's check now and returns its health as Podman then records it. */
    ContainerHealth run(String container) {
        // key the driver by id, so a name and an id of one container never run two checks at once
        String id = inspector.apply(container).orElseThrow(() -> PodmanErrors.containerMissing(container))
                .path("Id").asText(container);
        Outcome outcome = driver.runNow(id);
        if (outcome == Outcome.GONE) {
            throw PodmanErrors.containerMissing(container);
        }
        JsonNode n = inspector.apply(id).orElseThrow(() -> PodmanErrors.containerMissing(container));
        ContainerInfo info = LibpodModels.container(n);
        if (outcome == Outcome.RAN && info.state().isAlive()) {
            keepDrivingWhilePolled(info.id(), n);
        }
        return info.health();
    }

    /** Called with every inspection: a running container whose health is undecided is being awaited. */
    void observed(JsonNode inspect, ContainerInfo info) {
        if (info.health().status() == HealthStatus.STARTING && info.state().isAlive()) {
            keepDrivingWhilePolled(info.id(), inspect);
        }
    }

    /**
     * Drives an undecided container's check while {@code interest} holds; the first check comes one
     * interval after its start ({@code justStarted}) or at once.
     */
    void driveWhile(JsonNode inspect, BooleanSupplier interest, boolean justStarted) {
        ContainerInfo info = LibpodModels.container(inspect);
        if (info.health().status() != HealthStatus.STARTING || !info.state().isAlive()) {
            return;
        }
        Duration interval = intervalOf(inspect);
        driver.drive(info.id(), interval, justStarted ? interval : Duration.ZERO, interest);
    }

    private Outcome runCheck(String container) {
        LibpodResponse r = http.request("GET", "containers", container, "healthcheck").resource(container).send();
        if (r.isSuccess()) {
            return Outcome.RAN;
        }
        if (r.status() == 404) {
            return Outcome.GONE;
        }
        String message = r.message().toLowerCase(Locale.ROOT);
        if (message.contains("no defined healthcheck") || message.contains("has no healthcheck")) {
            return Outcome.NO_HEALTHCHECK;
        }
        if (r.status() == 409 || message.contains("not running")) {
            return Outcome.NOT_RUNNING;
        }
        throw r.failure();
    }

    private void keepDrivingWhilePolled(String containerId, JsonNode inspect) {
        Duration interval = intervalOf(inspect);
        Duration lease = interval.multipliedBy(LEASE_INTERVALS);
        driver.driveFor(containerId, interval, firstDelay(inspect, interval),
                lease.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : lease);
    }

    private static Duration intervalOf(JsonNode inspect) {
        Duration interval = LibpodModels.healthInterval(inspect);
        return interval.isZero() ? SpecGenerator.DEFAULT_INTERVAL : interval;
    }

    /** Docker's rhythm: the next check one interval after the last one (or after the start). */
    private static Duration firstDelay(JsonNode inspect, Duration interval) {
        Instant last = LibpodModels.container(inspect).startedAt();
        JsonNode log = inspect.path("State").path("Health").path("Log");
        if (log.isArray() && !log.isEmpty()) {
            Instant end = parseInstant(log.get(log.size() - 1).path("End").asText(""));
            if (end.isAfter(last)) {
                last = end;
            }
        }
        Duration wait = Duration.between(Instant.now(), last.plus(interval));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Instant parseInstant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
