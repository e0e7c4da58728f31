/**
 * The Letta client contract: health, agents (create, list, get, delete), messages (whole or
 * streamed as server-sent events), core memory and archival memory. Implementations come from
 * {@code p4n4-lib-clients}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.clients.letta;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
