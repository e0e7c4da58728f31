package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.exec.PullPolicy;
import java.util.Locale;
import java.util.Optional;

/**
 * A service's {@code pull_policy} as Docker Compose v2 applies it: {@code always}, {@code never},
 * {@code missing} (and its old name {@code if_not_present}), {@code build}. An explicit up option
 * ({@code up --pull}) replaces every service's policy, as {@code docker compose up --pull} does. The refresh
 * policies ({@code daily}, {@code weekly}, {@code every_<duration>}, {@code refresh}) are refused by name: Compose
 * compares the image's last-tag time, which Podman does not report, so p4n4 cannot apply them on every engine.
 */
enum ServicePullPolicy {
    ALWAYS, NEVER, MISSING, BUILD;

    /**
     * The policy {@code up} applies to {@code service}: the explicit up option when there is one, else the
     * service's {@code pull_policy}, else {@code missing}. Throws USER naming the service and the value when
     * it cannot be applied.
     */
    static ServicePullPolicy of(ComposeProject project, ComposeService service, Optional<PullPolicy> upOption) {
        if (upOption.isPresent()) {
            return switch (upOption.get()) {
                case ALWAYS -> ALWAYS;
                case NEVER -> NEVER;
                case MISSING -> MISSING;
            };
        }
        Object raw = service.attributes().get("pull_policy");
        if (raw == null) {
            return MISSING;
        }
        String value = String.valueOf(raw).strip();
        ServicePullPolicy policy = switch (value.toLowerCase(Locale.ROOT)) {
            case "always" -> ALWAYS;
            case "never" -> NEVER;
            case "missing", "if_not_present" -> MISSING;
            case "build" -> BUILD;
            default -> throw refused(project, service, value);
        };
        if (policy == BUILD && !Builds.isBuilt(service)) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                    + " has pull_policy: build but no build: section, so there is nothing to build; add build: or"
                    + " use pull_policy: missing");
        }
        return policy;
    }

    private static P4n4Exception refused(ComposeProject project, ComposeService service, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean refresh = lower.equals("daily") || lower.equals("weekly") || lower.equals("refresh")
                || lower.startsWith("every_");
        return new P4n4Exception(ErrorCode.USER, "service " + service.name() + " of project " + project.name()
                + " has pull_policy: " + value + ", which p4n4 does not apply" + (refresh
                        ? " (a refresh policy needs the time the engine last pulled the image, which Podman does"
                                + " not report)" : " (not a compose pull policy)")
                + "; use always (pull on every up), missing, never or build");
    }
}
