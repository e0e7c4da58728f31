/**
 * Implementation of the Docker backend. Not an API: may change in any release.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.docker.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
