package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code links: [SERVICE[:ALIAS]]} as network aliases: the linked service answers to the alias on every
 * network it shares with the linking one (the loader already made the link a dependency, so it starts first).
 * A link between services that share no network cannot work and is refused naming both. Stateless.
 */
final class LinkAliases {
    private LinkAliases() {
    }

    /** The aliases other services' links give {@code target}, by network key of {@code target}. */
    static Map<String, List<String>> of(ComposeProject project, ComposeService target) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ComposeService linking : project.services().values()) {
            for (String link : links(linking)) {
                int colon = link.indexOf(':');
                String linked = colon < 0 ? link : link.substring(0, colon);
                if (!linked.equals(target.name())) {
                    continue;
                }
                String alias = colon < 0 ? linked : link.substring(colon + 1);
                List<String> shared = shared(linking, target);
                if (shared.isEmpty()) {
                    throw new P4n4Exception(ErrorCode.USER, "service " + linking.name() + " links to " + link
                            + ", but it shares no network with service " + target.name() + "; put both on one"
                            + " network (networks:) or remove the link");
                }
                for (String network : shared) {
                    List<String> aliases = out.computeIfAbsent(network, k -> new ArrayList<>());
                    if (!aliases.contains(alias)) {
                        aliases.add(alias);
                    }
                }
            }
        }
        return out;
    }

    /** Checks every link of {@code linking} (a shared network, an existing service); no side effects. */
    static void check(ComposeProject project, ComposeService linking) {
        for (String link : links(linking)) {
            String linked = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
            ComposeService target = project.findService(linked).orElseThrow(() -> new P4n4Exception(ErrorCode.USER,
                    "service " + linking.name() + " links to " + link + ", but project " + project.name()
                            + " has no service " + linked + "; link to a service of the project"));
            of(project, target);
        }
    }

    private static List<String> links(ComposeService service) {
        return service.attributes().get("links") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> shared(ComposeService a, ComposeService b) {
        if (a.networkMode().isPresent() || b.networkMode().isPresent()) {
            return List.of();
        }
        return b.networks().keySet().stream().filter(a.networks()::containsKey).toList();
    }
}
