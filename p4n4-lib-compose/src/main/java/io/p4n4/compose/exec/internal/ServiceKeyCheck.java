package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.KeyGroup;
import io.p4n4.compose.exec.ServiceKey;
import io.p4n4.compose.exec.ServiceKeys;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the {@linkplain ServiceKeys refused and ignored} keys a service uses. A key counts as used when it
 * says something: {@code tty: false}, {@code cpu_count: 0}, an empty list or {@code deploy.mode: replicated}
 * ask for what happens anyway and pass.
 * Stateless; no side effects, so {@code up} checks every service before it creates anything.
 */
public final class ServiceKeyCheck {
    /** Values of ignored keys that ask for what a local engine does anyway, so there is nothing to warn about. */
    private static final Map<String, Object> WHAT_A_LOCAL_ENGINE_DOES = Map.of("deploy.mode", "replicated",
            "ports[].mode", "ingress");

    private ServiceKeyCheck() {
    }

    /** Fails with USER naming the service and each refused key it uses, with what to do. */
    public static void requireNoRefused(ComposeProject project, ComposeService service) {
        List<ServiceKey> refused = used(service, KeyGroup.REFUSED);
        if (!refused.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + " uses " + (refused.size() == 1 ? "a compose key" : "compose keys") + " p4n4 cannot apply: "
                    + refused.stream().map(k -> k.path() + " (" + k.note() + ")").collect(Collectors.joining("; ")));
        }
    }

    /** The ignored keys the service uses, in table order. */
    public static List<ServiceKey> ignored(ComposeService service) {
        return used(service, KeyGroup.IGNORED);
    }

    private static List<ServiceKey> used(ComposeService service, KeyGroup group) {
        return ServiceKeys.all().stream().filter(k -> k.group() == group)
                .filter(k -> ServiceValues.all(service, k.path()).stream()
                        .anyMatch(v -> saysSomething(v) && !v.equals(WHAT_A_LOCAL_ENGINE_DOES.get(k.path()))))
                .toList();
    }

    private static boolean saysSomething(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
