/** File helpers shared by the core: atomic writes with owner-only permissions for secrets. Internal. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.compose.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
