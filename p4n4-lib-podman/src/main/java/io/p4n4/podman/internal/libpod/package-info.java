/**
 * A small client for Podman's libpod REST API (v4): requests and error mapping, the spec-generator
 * body of container creation, and readers for framed logs and JSON streams. Internal: not part of the
 * p4n4-lib API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.podman.internal.libpod;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
