/** The template scanner behind {@link io.p4n4.compose.interpolation.Interpolation}; not an API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.compose.interpolation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
