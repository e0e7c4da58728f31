package io.p4n4.podman.internal;

import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.LabelFilter;
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
    private final PodmanHealth health;

    EventHealthPinning(PodmanEngine engine, PodmanHealth health) {
        this.engine = engine;
        this.health = health;
    }

    /** Pins running containers matching {@code labels} whose health is still being decided. */
    void pinAlreadyStarting(LabelFilter labels, BooleanSupplier subscriptionOpen) {
        try {
            engine.listContainers(ContainerFilter.running(labels)).forEach(c -> pin(c.id(), subscriptionOpen, false));
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
            // Docker runs the first check one interval after the start; so do we
            engine.inspectRaw(container).ifPresent(n -> health.driveWhile(n, subscriptionOpen, justStarted));
        } catch (RuntimeException ex) {
            LOG.debug("could not drive the healthcheck of {}: {}", container, ex.getMessage());
        }
    }
}
