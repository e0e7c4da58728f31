package io.p4n4.compose.exec.internal;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.ServiceKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code up} checks before it pulls or creates anything: every service's keys (refused ones fail),
 * every setting's value (by building the spec without side effects), and what the engine says it cannot
 * apply. Then it warns, as a progress event and in the log, about each ignored key. Stateless.
 */
public final class Preflight {
    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private Preflight() {
    }

    /** Fails with USER, naming the service and the compose key, at the first service that cannot run as written. */
    public static void check(ContainerEngine engine, ComposeProject project, List<ComposeService> services,
            ProgressListener progress) {
        services.forEach(s -> ContainerSpecs.requireSupported(project, s));
        for (ComposeService s : services) {
            EngineRefusals.check(engine, s, project, ContainerSpecs.preview(project, s, 1));
        }
        for (ComposeService s : services) {
            for (ServiceKey key : ServiceKeyCheck.ignored(s)) {
                String detail = key.path() + " is ignored: " + key.note();
                LOG.warn("service {} of project {}: {}", s.name(), project.name(), detail);
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.WARNING, s.name(), detail));
            }
        }
    }
}
