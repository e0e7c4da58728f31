/**
 * InfluxDB benchmarks against the official {@code com.influxdb:influxdb-client-java}: line-protocol
 * serialization (JMH) and sustained batched writes into a loopback sink ({@link
 * io.p4n4.benchmarks.influx.BatchedWriteThroughput}).
 */
package io.p4n4.benchmarks.influx;
