/**
 * A device agent's own identity: an Ed25519 key pair created on the agent's first start in its state
 * directory ({@link io.p4n4.agent.identity.DeviceIdentity}), the signature it puts on every status report
 * ({@link io.p4n4.agent.identity.SignedStatus}) and the check a reader makes of one
 * ({@link io.p4n4.agent.identity.StatusVerification}). Public types are immutable and thread-safe.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
