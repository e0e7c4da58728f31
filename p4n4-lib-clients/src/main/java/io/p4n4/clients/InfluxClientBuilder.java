package io.p4n4.clients;

import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.influx.DefaultInfluxClient;
import io.p4n4.clients.internal.influx.NoDelaySocketFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link InfluxClient}. Defaults come from the project ({@link ProjectEndpointConfig}): base
 * URL {@code http://localhost:8086} (or {@code P4N4_INFLUXDB_URL}), token {@code INFLUXDB_TOKEN}
 * (or {@code INFLUXDB_ADMIN_TOKEN}), organization {@code INFLUXDB_ORG}, default bucket
 * {@code INFLUXDB_BUCKET}. Default read timeout 60 s (long Flux queries). The token is never shown by
 * {@code toString()} or in messages.
 */
public final class InfluxClientBuilder extends ClientBuilder<InfluxClientBuilder, InfluxClient> {
    private final ClientFactory owner;
    private @Nullable String token;
    private @Nullable String org;
    private @Nullable String bucket;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(60);

    InfluxClientBuilder(ClientFactory owner) {
        super(owner, "influxdb", owner.endpoints().influxUrl(), Duration.ofSeconds(60));
        this.owner = owner;
        this.token = owner.endpoints().influxToken().orElse(null);
        this.org = owner.endpoints().value("INFLUXDB_ORG").orElse(null);
        this.bucket = owner.endpoints().value("INFLUXDB_BUCKET").orElse(null);
    }

    /** Sets the API token, sent as {@code Authorization: Token ...} ({@code null} or blank: none). */
    public InfluxClientBuilder token(@Nullable String value) {
        this.token = value;
        return this;
    }

    /** Sets the organization name (needed for writes, queries and buckets; {@code null} or blank: none). */
    public InfluxClientBuilder org(@Nullable String value) {
        this.org = value;
        return this;
    }

    /** Sets the default bucket of writes ({@code null} or blank: none). */
    public InfluxClientBuilder bucket(@Nullable String value) {
        this.bucket = value;
        return this;
    }

    @Override
    public InfluxClientBuilder connectTimeout(Duration value) {
        this.connectTimeout = value;
        return super.connectTimeout(value);
    }

    @Override
    public InfluxClientBuilder readTimeout(Duration value) {
        this.readTimeout = value;
        return super.readTimeout(value);
    }

    @Override
    public InfluxClient build() {
        HttpService.Builder hb = http();
        String t = token == null || token.isBlank() ? null : token.trim();
        if (t != null) {
            hb.credentialHeader("Authorization", "Token " + t, t);
        }
        HttpService http = hb.build();
        // batched writes talk to OkHttp directly (they need Retry-After and own their retries);
        // newBuilder() keeps the shared pool and dispatcher; TCP_NODELAY stops large bodies from
        // waiting on delayed ACKs
        OkHttpClient writes = owner.okHttp().newBuilder().socketFactory(new NoDelaySocketFactory())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS).build();
        return new DefaultInfluxClient(http, writes, t, blankToNull(org), blankToNull(bucket));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "InfluxClientBuilder[org=" + org + ", bucket=" + bucket + ", token=" + (token == null ? "unset" : "***")
                + "]";
    }
}
