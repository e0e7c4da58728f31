/**
 * {@code p4n4 influx write|query}: line-protocol writes and Flux queries against the project's
 * InfluxDB, through {@link io.p4n4.api.clients.influx.InfluxClient}.
 */
package io.p4n4.cli.influx;
