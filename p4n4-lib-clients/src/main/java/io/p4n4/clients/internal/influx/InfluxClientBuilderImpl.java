package io.p4n4.clients.internal.influx;

import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.influx.InfluxClientBuilder;
import io.p4n4.clients.internal.http.HttpService;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Builds {@link DefaultInfluxClient}s on a shared {@link OkHttpClient} (one connection pool for
 * every client of a factory). Not thread-safe.
 */
public final class InfluxClientBuilderImpl implements InfluxClientBuilder {
    private final OkHttpClient okHttp;
    private String url;
    private String token;
    private String org;
    private String bucket;
    private Map<String, String> env = Map.of();
    private Duration connectTimeout;
    private Duration readTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    /** Starts a builder whose clients share {@code okHttp}'s pool. */
    public InfluxClientBuilderImpl(OkHttpClient okHttp) {
        this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
    }

    @Override
    public InfluxClientBuilder url(String value) {
        this.url = value;
        return this;
    }

    @Override
    public InfluxClientBuilder token(String value) {
        this.token = value;
        return this;
    }

    @Override
    public InfluxClientBuilder org(String value) {
        this.org = value;
        return this;
    }

    @Override
    public InfluxClientBuilder bucket(String value) {
        this.bucket = value;
        return this;
    }

    @Override
    public InfluxClientBuilder env(Map<String, String> value) {
        this.env = Map.copyOf(value);
        return this;
    }

    @Override
    public InfluxClientBuilder connectTimeout(Duration value) {
        this.connectTimeout = value;
        return this;
    }

    @Override
    public InfluxClientBuilder readTimeout(Duration value) {
        this.readTimeout = value;
        return this;
    }

    @Override
    public InfluxClientBuilder retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "policy");
        return this;
    }

    @Override
    public InfluxClient build() {
        String u = firstNonBlank(url, env.get(ENV_URL), DEFAULT_URL);
        String t = firstNonBlank(token, env.get(ENV_TOKEN), env.get(ENV_ADMIN_TOKEN));
        String o = firstNonBlank(org, env.get(ENV_ORG), null);
        String b = firstNonBlank(bucket, env.get(ENV_BUCKET), null);
        HttpService.Builder hb = HttpService.builder("influxdb", okHttp).baseUrl(u).retryPolicy(retryPolicy);
        if (connectTimeout != null) {
            hb.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            hb.readTimeout(readTimeout);
        }
        if (t != null) {
            hb.credentialHeader("Authorization", "Token " + t, t);
        }
        HttpService http = hb.build();
        // writers talk to OkHttp directly; give them the same timeouts through a sibling client
        OkHttpClient.Builder wb = okHttp.newBuilder();
        if (connectTimeout != null) {
            wb.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            wb.readTimeout(readTimeout).writeTimeout(readTimeout);
        }
        return new DefaultInfluxClient(http, wb.build(), t, o, b);
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return c;
    }

    @Override
    public String toString() {
        return "InfluxClientBuilder[url=" + url + ", org=" + org + ", bucket=" + bucket + ", token="
                + (token == null ? "unset" : "***") + "]";
    }
}
