package io.p4n4.compose.exec;

import java.util.List;

/**
 * What {@link ComposeExecutor#down} removed.
 *
 * @param containers names of removed containers
 * @param networks   names of removed networks
 * @param volumes    names of removed volumes
 */
public record DownResult(List<String> containers, List<String> networks, List<String> volumes) {
    /** Copies the lists. */
    public DownResult {
        containers = List.copyOf(containers);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
    }
}
