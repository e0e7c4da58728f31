/**
 * p4n4 stacks in tests: {@link io.p4n4.junit.stack.P4n4Stack} scaffolds a bundled stack (iot, ai, edge) in a
 * temporary project, brings it up and injects the typed clients of p4n4-lib-clients bound to its published
 * ports. Needs {@code io.p4n4:p4n4-lib-core} and {@code io.p4n4:p4n4-lib-clients} on the test class path.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.junit.stack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
