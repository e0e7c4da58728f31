package io.p4n4.core.scaffold;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values stack templates can use: {@code project_name}, {@code project_slug} (lower-case, safe as a
 * compose project name), {@code cli_version}, {@code network} and {@code subnet}. Immutable and
 * thread-safe.
 *
 * @param projectName the project name as given
 * @param cliVersion the p4n4 version writing the files
 * @param network the shared Docker network
 * @param subnet the network's IPv4 subnet
 */
public record TemplateContext(String projectName, String cliVersion, String network, String subnet) {

    /** The network every p4n4 stack joins; the iot stack creates it. */
    public static final String NETWORK = "p4n4-net";
    /** Its subnet. */
    public static final String SUBNET = "172.20.0.0/16";

    /** Validates the components. */
    public TemplateContext {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(cliVersion, "cliVersion");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(subnet, "subnet");
    }

    /** A context on the standard network. */
    public static TemplateContext of(String projectName, String cliVersion) {
        return new TemplateContext(projectName, cliVersion, NETWORK, SUBNET);
    }

    /** Returns the project name made safe for compose: lower-case letters, digits, '-' and '_'. */
    public String projectSlug() {
        String slug = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[-_]+", "").replaceAll("-+$", "");
        return slug.isEmpty() ? "p4n4" : slug;
    }

    /** Returns the variables as the template engine sees them. */
    public Map<String, Object> asMap() {
        return Map.of("project_name", projectName, "project_slug", projectSlug(), "cli_version", cliVersion,
                "network", network, "subnet", subnet);
    }
}
