/**
 * Scores in practice: the built-in {@link io.p4n4.agent.score.PodmanV0Score}, the registry of known
 * Score types, the canonical JSON codec (stable field order, so comparing strings detects change),
 * Ed25519 signing and verification, and the publisher that writes Scores for a list of devices with
 * compare-and-set. Every public type here is immutable and thread-safe unless it says otherwise.
 */
package io.p4n4.agent.score;
