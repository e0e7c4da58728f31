/**
 * Starting a device agent from its configuration: {@link io.p4n4.agent.launcher.AgentLauncher} wires
 * credentials, the NATS KV store, the container engine (or a recording interpreter for dry runs) and the
 * {@link io.p4n4.agent.DeviceAgent}, and closes them in order.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent.launcher;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
