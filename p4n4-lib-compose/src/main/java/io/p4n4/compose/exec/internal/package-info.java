/** Implementation of the compose executor; not part of the API. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.compose.exec.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
