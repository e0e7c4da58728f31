/**
 * The Letta client contract: health, agents (create, list, get, delete), messages (whole or
 * streamed as server-sent events), core memory and archival memory. Implementations come from
 * {@code p4n4-lib-clients}.
 */
package io.p4n4.api.clients.letta;
