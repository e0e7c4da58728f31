/** The {@code .env} scanner and value quoting behind {@link io.p4n4.compose.env}; not an API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.compose.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
