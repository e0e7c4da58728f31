/** {@code p4n4 score ...}: publish, list and delete Scores in the NATS JetStream KV desired-state store. */
package io.p4n4.cli.score;
