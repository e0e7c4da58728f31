/**
 * Scores in practice: the built-in {@link io.p4n4.agent.score.PodmanV0Score}, the registry of known
 * Score types, the canonical JSON codec (stable field order, so comparing strings detects change),
 * Ed25519 signing and verification, and the publisher that writes Scores for a list of devices with
 * compare-and-set. Every public type here is immutable and thread-safe unless it says otherwise.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent.score;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
