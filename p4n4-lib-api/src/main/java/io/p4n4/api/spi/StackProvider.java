package io.p4n4.api.spi;

import io.p4n4.api.project.StackDefinition;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Contributes stacks (their variables and template files) to p4n4. The bundled iot, ai and edge stacks
 * come from one provider; third parties add stacks the same way: list the class in
 * {@code META-INF/services/io.p4n4.api.spi.StackProvider} or register it explicitly.
 *
 * <p>Implementations need a public no-argument constructor, must be thread-safe, and must not touch
 * the network. When two providers define the same stack id, the one with the higher priority wins.
 */
public interface StackProvider {

    /** A stable id, e.g. {@code bundled}. */
    String id();

    /** One line for humans. */
    String description();

    /** Higher wins when two providers define the same stack. The bundled provider has 0. */
    int priority();

    /** Returns the stacks this provider defines. */
    List<StackDefinition> stacks();

    /**
     * Opens the resource a {@link io.p4n4.api.project.StackFile} names, or returns empty if it does
     * not exist. The caller closes the stream.
     */
    Optional<InputStream> openResource(String resource);
}
