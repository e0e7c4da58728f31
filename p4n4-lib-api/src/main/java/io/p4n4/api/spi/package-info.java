/**
 * Service provider interfaces for extending p4n4-lib: implement one, list it in
 * {@code META-INF/services} (or {@code provides} in a module descriptor), and core finds it.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.spi;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
