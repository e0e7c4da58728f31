/** Implementation details of the NATS KV store; not an API, may change without notice. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.agent.nats.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
