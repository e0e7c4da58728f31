/**
 * The InfluxDB 2 client implementation: line-protocol encoding, the streaming annotated-CSV reader
 * for Flux results, the batching writer and the HTTP calls. Not part of the API; use
 * {@link io.p4n4.api.clients.influx.InfluxClient}.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.clients.internal.influx;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
