/** Implementation details of the NATS KV store; not an API, may change without notice. */
package io.p4n4.agent.nats.internal;
