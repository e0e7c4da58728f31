/**
 * What a device agent does, as events for programs and log shippers: {@link io.p4n4.agent.events.AgentEvent}
 * (one per applied, rejected, failed or removed deployment and per change of the agent's state), the
 * {@link io.p4n4.agent.events.AgentEventListener} that receives them, and
 * {@link io.p4n4.agent.events.JsonLinesEventLog}, which writes them as JSON lines. Public types are immutable or
 * thread-safe as their documentation says.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
