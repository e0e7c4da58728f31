/**
 * The Letta client contract: health, agents (create, list, find by name, get, delete), messages (whole or
 * streamed as server-sent events), core memory and archival memory; and {@link io.p4n4.api.clients.letta.LettaPersona},
 * an agent persona of the p4n4 ai stack. Implementations, and the reader of persona files, come from
 * {@code p4n4-lib-clients}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.clients.letta;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
