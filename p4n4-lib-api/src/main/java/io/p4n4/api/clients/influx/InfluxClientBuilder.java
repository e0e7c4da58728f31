package io.p4n4.api.clients.influx;

import io.p4n4.api.clients.RetryPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * Configures an {@link InfluxClient}. Obtain one from {@code io.p4n4.clients.ServiceClients} (which
 * shares one connection pool between clients) or {@code io.p4n4.clients.influx.InfluxClients}.
 * Values set explicitly win over values read from {@link #env(Map)}, whatever the order of calls.
 * Not thread-safe.
 */
public interface InfluxClientBuilder {

    /** Environment keys read by {@link #env(Map)}: the server URL. */
    String ENV_URL = "INFLUXDB_URL";
    /** Environment keys read by {@link #env(Map)}: the API token (p4n4's {@code .env} key). */
    String ENV_TOKEN = "INFLUXDB_TOKEN";
    /** Environment keys read by {@link #env(Map)}: the API token under the name the p4n4 spec uses. */
    String ENV_ADMIN_TOKEN = "INFLUXDB_ADMIN_TOKEN";
    /** Environment keys read by {@link #env(Map)}: the organization name. */
    String ENV_ORG = "INFLUXDB_ORG";
    /** Environment keys read by {@link #env(Map)}: the default bucket. */
    String ENV_BUCKET = "INFLUXDB_BUCKET";
    /** The URL used when none is given: InfluxDB's published port on this machine. */
    String DEFAULT_URL = "http://localhost:8086";

    /** Sets the server URL, e.g. {@code http://localhost:8086} (default {@link #DEFAULT_URL}). */
    InfluxClientBuilder url(String url);

    /** Sets the API token, sent as {@code Authorization: Token ...}; never shown in messages. */
    InfluxClientBuilder token(String token);

    /** Sets the organization name (required for writes, queries and buckets). */
    InfluxClientBuilder org(String org);

    /** Sets the default bucket for writes. */
    InfluxClientBuilder bucket(String bucket);

    /**
     * Reads unset values from a p4n4 project's {@code .env} variables: {@value #ENV_URL},
     * {@value #ENV_TOKEN} (or {@value #ENV_ADMIN_TOKEN}), {@value #ENV_ORG}, {@value #ENV_BUCKET}.
     */
    InfluxClientBuilder env(Map<String, String> env);

    /** Sets the time allowed to connect. */
    InfluxClientBuilder connectTimeout(Duration timeout);

    /** Sets the longest silence while reading a response (also between streamed query rows). */
    InfluxClientBuilder readTimeout(Duration timeout);

    /**
     * Sets how idempotent calls (health, queries, bucket lists) are retried. Batched writes have
     * their own policy in {@link WriteOptions}.
     */
    InfluxClientBuilder retryPolicy(RetryPolicy policy);

    /**
     * Builds the client.
     *
     * @throws io.p4n4.api.P4n4Exception USER when the URL is not an http(s) URL
     */
    InfluxClient build();
}
