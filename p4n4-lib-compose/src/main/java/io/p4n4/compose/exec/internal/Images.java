package io.p4n4.compose.exec.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.BuildSpec;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.PullPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the services' images present before anything is created: builds the services with {@code build:}
 * whose image is missing (or all of them when asked), and pulls the others according to the pull policy.
 * Stateless.
 */
public final class Images {
    private Images() {
    }

    /**
     * Checks (and pulls, per policy) every image; with {@link PullPolicy#NEVER}, or when pulls fail, one
     * ENGINE error lists every missing image and the services that use it.
     */
    public static void ensure(ContainerEngine engine, ComposeProject project, List<ComposeService> services,
            PullPolicy policy, boolean build, ProgressListener progress) {
        requireBuilder(engine, project, services, build);
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (ComposeService s : services) {
            if (Builds.isBuilt(s)) {
                build(engine, project, s, build, progress);
                continue;
            }
            s.image().ifPresent(i -> users.computeIfAbsent(i, k -> new ArrayList<>()).add(s.name()));
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : users.entrySet()) {
            String image = e.getKey();
            boolean present = policy != PullPolicy.ALWAYS && engine.imageExists(image);
            if (present) {
                continue;
            }
            if (policy == PullPolicy.NEVER) {
                missing.add(image + " (for " + String.join(", ", e.getValue()) + ")");
                continue;
            }
            try {
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.IMAGE_PULLING, image, ""));
                engine.pullImage(image, p -> { });
                progress.onProgress(ProgressEvent.of(ProgressEvent.Step.IMAGE_PULLED, image, ""));
            } catch (RuntimeException ex) {
                if (policy == PullPolicy.ALWAYS && engine.imageExists(image)) {
                    progress.onProgress(ProgressEvent.of(ProgressEvent.Step.WARNING, image,
                            "pull failed, using the local image: " + ex.getMessage()));
                    continue;
                }
                missing.add(image + " (for " + String.join(", ", e.getValue()) + "; pull failed: "
                        + ex.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new EngineException(ErrorCode.ENGINE, engine.id(), missing.get(0), "images missing on "
                    + engine.id() + ": " + String.join("; ", missing) + ". Pull or build them (or load them with"
                    + " docker load / podman load) and run up again", null);
        }
    }

    /**
     * Refuses, before anything is pulled or built, services that need a build on an engine without
     * {@link EngineCapability#BUILD}: an ENGINE error naming them and the engine.
     */
    private static void requireBuilder(ContainerEngine engine, ComposeProject project, List<ComposeService> services,
            boolean force) {
        if (engine.supports(EngineCapability.BUILD)) {
            return;
        }
        List<String> needBuild = services.stream().filter(Builds::isBuilt)
                .filter(s -> force || !engine.imageExists(Builds.imageName(project, s)))
                .map(ComposeService::name).toList();
        if (!needBuild.isEmpty()) {
            throw new EngineException(engine.id(), needBuild.get(0), "service" + (needBuild.size() == 1 ? " " : "s ")
                    + String.join(", ", needBuild) + " of project " + project.name() + " must be built (build:), but "
                    + engine.id() + " does not support building images (capability BUILD); build the image"
                    + (needBuild.size() == 1 ? "" : "s") + " with docker build or podman build under the service's"
                    + " image name and run up without --build, or use an engine that builds", null);
        }
    }

    /** Builds the service's image when it is missing, or always with {@code force} (up --build). */
    private static void build(ContainerEngine engine, ComposeProject project, ComposeService service, boolean force,
            ProgressListener progress) {
        BuildSpec spec = Builds.spec(project, service);
        String image = spec.tags().get(0);
        if (!force && engine.imageExists(image)) {
            return;
        }
        progress.onProgress(ProgressEvent.of(ProgressEvent.Step.IMAGE_BUILDING, image, service.name()));
        String id = engine.buildImage(spec, line -> { });
        progress.onProgress(ProgressEvent.of(ProgressEvent.Step.IMAGE_BUILT, image, id));
    }
}
