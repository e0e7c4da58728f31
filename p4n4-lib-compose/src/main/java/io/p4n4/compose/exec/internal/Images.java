package io.p4n4.compose.exec.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
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
import java.util.Optional;

/**
 * Makes the services' images present before anything is created: builds the services with {@code build:}
 * whose image is missing (or all of them when asked, or with {@code pull_policy: build}), and pulls the others
 * according to each service's {@code pull_policy} or the up option that replaces it ({@link ServicePullPolicy}).
 * Every pull's per-layer progress goes to the listener as {@link ProgressEvent.Step#IMAGE_PULL_PROGRESS}.
 * Stateless.
 */
public final class Images {
    private Images() {
    }

    /**
     * Checks (and pulls, per policy) every image; a {@code pull_policy} p4n4 cannot apply is refused (USER, naming
     * the service and the value) before anything is pulled or built. When an image is missing under
     * {@code never}, or pulls fail, one ENGINE error lists every missing image and the services that use it.
     */
    public static void ensure(ContainerEngine engine, ComposeProject project, List<ComposeService> services,
            Optional<PullPolicy> upOption, boolean build, ProgressListener progress) {
        Map<String, ServicePullPolicy> policies = new LinkedHashMap<>();
        for (ComposeService s : services) {
            policies.put(s.name(), ServicePullPolicy.of(project, s, upOption));
        }
        requireBuilder(engine, project, services, build, policies);
        Map<String, List<String>> users = new LinkedHashMap<>();
        Map<String, ServicePullPolicy> imagePolicy = new LinkedHashMap<>();
        for (ComposeService s : services) {
            ServicePullPolicy policy = policies.get(s.name());
            if (Builds.isBuilt(s)) {
                build(engine, project, s, build || policy == ServicePullPolicy.BUILD, progress);
                continue;
            }
            s.image().ifPresent(i -> {
                users.computeIfAbsent(i, k -> new ArrayList<>()).add(s.name());
                imagePolicy.merge(i, policy, Images::stronger);
            });
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : users.entrySet()) {
            String image = e.getKey();
            ServicePullPolicy policy = imagePolicy.get(image);
            boolean present = policy != ServicePullPolicy.ALWAYS && engine.imageExists(image);
            if (present) {
                continue;
            }
            if (policy == ServicePullPolicy.NEVER) {
                missing.add(image + " (for " + String.join(", ", e.getValue()) + "; pull policy never)");
                continue;
            }
            try {
                pull(engine, image, String.join(", ", e.getValue()), progress);
            } catch (RuntimeException ex) {
                if (policy == ServicePullPolicy.ALWAYS && engine.imageExists(image)) {
                    progress.onProgress(ProgressEvent.of(ProgressEvent.Step.WARNING, image,
                            "pull failed, using the local image: " + ex.getMessage()));
                    continue;
                }
                if (ex instanceof P4n4Exception p && p.code() == ErrorCode.USER) {
                    throw p; // credentials: the message names the registry and what to do
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
     * Pulls {@code image} for {@code services} (a display name), reporting {@code IMAGE_PULLING}, every
     * progress report of the engine, then {@code IMAGE_PULLED}.
     */
    public static void pull(ContainerEngine engine, String image, String services, ProgressListener progress) {
        progress.onProgress(ProgressEvent.of(ProgressEvent.Step.IMAGE_PULLING, image, services));
        engine.pullImage(image, p -> progress.onProgress(ProgressEvent.pullProgress(p)));
        progress.onProgress(ProgressEvent.of(ProgressEvent.Step.IMAGE_PULLED, image, services));
    }

    /**
     * Whether {@code pull} pulls the image of {@code service} (which has one and is not built), as
     * {@code docker compose pull} decides: not under {@code pull_policy: never} or {@code build}; under an explicit
     * {@code missing} only when the image is absent; otherwise always. USER for a policy p4n4 cannot apply.
     */
    public static boolean pulledByPullCommand(ContainerEngine engine, ComposeProject project, ComposeService service) {
        return switch (ServicePullPolicy.of(project, service, Optional.empty())) {
            case NEVER, BUILD -> false;
            case MISSING -> service.attributes().get("pull_policy") == null
                    || !engine.imageExists(service.image().orElseThrow());
            case ALWAYS -> true;
        };
    }

    /** Two services share an image: the policy that pulls more wins (always, then missing, then never). */
    private static ServicePullPolicy stronger(ServicePullPolicy a, ServicePullPolicy b) {
        if (a == ServicePullPolicy.ALWAYS || b == ServicePullPolicy.ALWAYS) {
            return ServicePullPolicy.ALWAYS;
        }
        return a == ServicePullPolicy.NEVER ? b : a;
    }

    /**
     * Refuses, before anything is pulled or built, services that need a build on an engine without
     * {@link EngineCapability#BUILD}: an ENGINE error naming them and the engine.
     */
    private static void requireBuilder(ContainerEngine engine, ComposeProject project, List<ComposeService> services,
            boolean force, Map<String, ServicePullPolicy> policies) {
        if (engine.supports(EngineCapability.BUILD)) {
            return;
        }
        List<String> needBuild = services.stream().filter(Builds::isBuilt)
                .filter(s -> force || policies.get(s.name()) == ServicePullPolicy.BUILD
                        || !engine.imageExists(Builds.imageName(project, s)))
                .map(ComposeService::name).toList();
        if (!needBuild.isEmpty()) {
            throw new EngineException(engine.id(), needBuild.get(0), "service" + (needBuild.size() == 1 ? " " : "s ")
                    + String.join(", ", needBuild) + " of project " + project.name() + " must be built (build:), but "
                    + engine.id() + " does not support building images (capability BUILD); build the image"
                    + (needBuild.size() == 1 ? "" : "s") + " with docker build or podman build under the service's"
                    + " image name and run up without --build, or use an engine that builds", null);
        }
    }

    /** Builds the service's image when it is missing, or always with {@code force} (up --build, pull_policy: build). */
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
