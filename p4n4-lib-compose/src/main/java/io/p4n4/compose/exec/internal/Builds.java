package io.p4n4.compose.exec.internal;

import io.p4n4.api.engine.BuildSpec;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What compose builds for a service with {@code build:}, and under which name. Stateless. */
public final class Builds {
    private Builds() {
    }

    /** Whether the service is built rather than only pulled. */
    public static boolean isBuilt(ComposeService service) {
        return !service.build().isEmpty();
    }

    /** The service's image: {@code image:}, else {@code <project>-<service>} as compose v2 names built images. */
    public static String imageName(ComposeProject project, ComposeService service) {
        return service.image().orElse(project.name() + "-" + service.name());
    }

    /** The build of a service with {@code build:}: context, Dockerfile, args, target, labels, no_cache. */
    public static BuildSpec spec(ComposeProject project, ComposeService service) {
        Map<String, Object> build = service.build();
        Path context = project.workingDirectory().resolve(String.valueOf(build.getOrDefault("context", ".")));
        return BuildSpec.builder(context, imageName(project, service))
                .dockerfile(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")))
                .args(strings(build.get("args")))
                .labels(strings(build.get("labels")))
                .noCache(Boolean.TRUE.equals(build.get("no_cache")))
                .target(build.get("target") instanceof String target ? target : null)
                .build();
    }

    /** A map, or a {@code KEY=value} list, as strings; keys without a value are left out. */
    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                if (eq > 0) {
                    out.put(s.substring(0, eq), s.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
