/**
 * A {@link java.net.Socket} adapter over Java 17's unix domain {@link java.nio.channels.SocketChannel},
 * so OkHttp can reach the Podman service's unix socket without native libraries. Internal: not part of
 * the p4n4-lib API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.podman.internal.socket;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
