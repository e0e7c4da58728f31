package io.p4n4.podman.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.podman.internal.health.HealthcheckDriver;
import io.p4n4.podman.internal.libpod.LibpodModels;
import io.p4n4.podman.internal.libpod.SpecGenerator;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a waiter that only listens to events see health change on Podman: while an event subscription
 * is open, every container with a healthcheck that it sees start (or that is already starting when it
 * opens) has its check driven on its interval, so {@code health_status} events keep coming.
 */
final class EventHealthPinning {
    private static final Logger LOG = LoggerFactory.getLogger(EventHealthPinning.class);

    private final PodmanEngine engine;
    private final HealthcheckDriver driver;

    EventHealthPinning(PodmanEngine engine, HealthcheckDriver driver) {
        this.engine = engine;
        this.driver = driver;
    }

    /** Pins running containers matching {@code labels} whose health is still being decided. */
    void pinAlreadyStarting(LabelFilter labels, BooleanSupplier subscriptionOpen) {
        try {
            engine.listContainers(labels, false).forEach(c -> pin(c.id(), subscriptionOpen, false));
        } catch (RuntimeException e) {
            LOG.debug("could not list containers to drive their healthchecks: {}", e.getMessage());
        }
    }

    /** Pins the container of a {@code start} event. */
    void onEvent(EngineEvent e, BooleanSupplier subscriptionOpen) {
        if (e.type() == EngineEvent.Type.CONTAINER && "start".equals(e.action())) {
            pin(e.actorId(), subscriptionOpen, true);
        }
    }

    private void pin(String container, BooleanSupplier subscriptionOpen, boolean justStarted) {
        try {
            JsonNode n = engine.inspectRaw(container).orElse(null);
            if (n == null) {
                return;
            }
            ContainerInfo info = LibpodModels.container(n);
            if (info.health().status() != HealthStatus.STARTING || !info.state().isAlive()) {
                return;
            }
            Duration interval = LibpodModels.healthInterval(n);
            if (interval.isZero()) {
                interval = SpecGenerator.DEFAULT_INTERVAL;
            }
            // Docker runs the first check one interval after the start; so do we
            driver.drive(info.id(), interval, justStarted ? interval : Duration.ZERO, subscriptionOpen);
        } catch (RuntimeException ex) {
            LOG.debug("could not drive the healthcheck of {}: {}", container, ex.getMessage());
        }
    }
}
