/**
 * The stack registry: stack definitions from {@link io.p4n4.api.spi.StackProvider}s, registered
 * explicitly or found with {@link java.util.ServiceLoader} (the bundled iot, ai and edge stacks are one
 * such provider).
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core.stack;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
