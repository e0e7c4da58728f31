/**
 * The InfluxDB 2 client contract: {@link io.p4n4.api.clients.influx.InfluxClient} (health, writes,
 * Flux queries, buckets), the {@link io.p4n4.api.clients.influx.Point} value type that is written as
 * line protocol, the batching {@link io.p4n4.api.clients.influx.WriteApi} with its
 * {@link io.p4n4.api.clients.influx.WriteOptions}, and the typed results of annotated-CSV Flux
 * queries ({@link io.p4n4.api.clients.influx.FluxTable}, {@link io.p4n4.api.clients.influx.FluxRecord}).
 * The implementation comes from {@code p4n4-lib-clients}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.clients.influx;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
