package io.p4n4.compose;

import java.util.Objects;

/**
 * One {@code depends_on} entry in long form.
 *
 * @param service the service depended on
 * @param condition when it counts as ready ({@code service_started} by default)
 * @param required whether a missing dependency is an error (default {@code true})
 * @param restart whether the dependent restarts when the dependency is updated
 */
public record ServiceDependency(String service, DependencyCondition condition, boolean required, boolean restart) {
    /** Checks the components. */
    public ServiceDependency {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(condition, "condition");
    }
}
