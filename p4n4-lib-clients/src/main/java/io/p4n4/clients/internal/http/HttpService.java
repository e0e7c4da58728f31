package io.p4n4.clients.internal.http;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service at one base URL: builds requests, executes them with retries, maps failures. Immutable
 * and thread-safe; cheap to create (it shares the connection pool of the OkHttpClient it is given).
 *
 * <pre>{@code
 * HttpService http = HttpService.builder("ollama", sharedClient).baseUrl("http://localhost:11434").build();
 * JsonNode tags = http.get("/api/tags").json();
 * }</pre>
 */
public final class HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

    /** Waits between retries; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps for {@code delay}. */
        void sleep(Duration delay) throws InterruptedException;
    }

    private final String service;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final RetryPolicy retryPolicy;
    private final List<String[]> headers;
    private final List<String> secrets;
    private final Sleeper sleeper;

    private HttpService(Builder b, HttpUrl baseUrl) {
        this.service = b.service;
        this.baseUrl = baseUrl;
        OkHttpClient.Builder cb = b.client.newBuilder();
        if (b.connectTimeout != null) {
            cb.connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (b.readTimeout != null) {
            cb.readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            cb.writeTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (b.callTimeout != null) {
            cb.callTimeout(b.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        this.client = cb.build();
        this.retryPolicy = b.retryPolicy;
        this.headers = List.copyOf(b.headers);
        this.secrets = List.copyOf(b.secrets);
        this.sleeper = b.sleeper;
    }

    /** Starts a service named {@code service} on the shared {@code client}. */
    public static Builder builder(String service, OkHttpClient client) {
        return new Builder(service, client);
    }

    /** Returns the service name used in messages. */
    public String service() {
        return service;
    }

    /** Returns the base URL. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** Returns the retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** A GET (idempotent). {@code path} is relative to the base URL; a leading slash is optional. */
    public CallSpec get(String path) {
        return new CallSpec(this, "GET", path, true);
    }

    /** A POST (not idempotent unless marked with {@link CallSpec#idempotent(boolean)}). */
    public CallSpec post(String path) {
        return new CallSpec(this, "POST", path, false);
    }

    /** A PUT (idempotent). */
    public CallSpec put(String path) {
        return new CallSpec(this, "PUT", path, true);
    }

    /** A PATCH (not idempotent). */
    public CallSpec patch(String path) {
        return new CallSpec(this, "PATCH", path, false);
    }

    /** A DELETE (idempotent). */
    public CallSpec delete(String path) {
        return new CallSpec(this, "DELETE", path, true);
    }

    /** Percent-encodes one path segment (an id, a name) for use inside a path string. */
    public static String segment(String value) {
        return HttpUrl.parse("http://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    /** An error for a well-formed answer of the wrong shape (NETWORK: the URL is likely not this service). */
    public io.p4n4.api.ServiceException unexpected(String method, String path, String problem) {
        return context(method, resolve(path, List.of())).unexpected(200, problem);
    }

    HttpUrl resolve(String path, List<String[]> query) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        HttpUrl.Builder ub = baseUrl.newBuilder();
        if (!p.isEmpty()) {
            ub.addEncodedPathSegments(p);
        }
        for (String[] q : query) {
            ub.addQueryParameter(q[0], q[1]);
        }
        return ub.build();
    }

    CallContext context(String method, HttpUrl url) {
        return new CallContext(service, method, url.encodedPath(), SafeUrl.of(url));
    }

    /**
     * Executes {@code spec} until a successful response arrives (retrying per policy) and returns it
     * open: the caller owns and must close it. Error responses are read, closed and thrown.
     */
    OpenResponse open(CallSpec spec) {
        Request request = spec.toRequest(headers);
        CallContext ctx = context(spec.method(), request.url());
        int attempt = 0;
        while (true) {
            attempt++;
            Call call = client.newCall(request);
            if (spec.cancellation() != null) {
                spec.cancellation().onCancel(call::cancel);
            }
            long started = System.nanoTime();
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                if (call.isCanceled()) {
                    throw cancelled(ctx, e);
                }
                boolean retryable = spec.idempotent() || e instanceof ConnectException;
                LOG.debug("{} {} failed after {} ms: {}", ctx.method(), ctx.url(), elapsed(started), e.toString());
                if (retryable && attempt < retryPolicy.maxAttempts()) {
                    pause(Backoff.delay(retryPolicy, attempt, null), ctx);
                    continue;
                }
                throw ctx.unreachable(e);
            }
            LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.url(), response.code(), elapsed(started));
            if (response.isSuccessful()) {
                return new OpenResponse(call, response, ctx);
            }
            int status = response.code();
            String retryAfter = response.header("Retry-After");
            String serverMessage = ServerMessage.extract(errorBody(response), secrets);
            boolean retryable = spec.idempotent() && (status == 429 || status == 502 || status == 503
                    || status == 504 || status == 500);
            if (retryable && attempt < retryPolicy.maxAttempts()) {
                pause(Backoff.delay(retryPolicy, attempt, retryAfter), ctx);
                continue;
            }
            throw ctx.status(status, serverMessage, retryAfter);
        }
    }

    private static String errorBody(Response response) {
        try (response; ResponseBody body = response.body()) {
            if (body == null) {
                return null;
            }
            return body.source().request(ServerMessage.MAX_BYTES)
                    ? body.source().getBuffer().snapshot().utf8()
                    : body.string();
        } catch (IOException e) {
            return null;
        }
    }

    private void pause(Duration delay, CallContext ctx) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.GENERAL, ctx.service() + " " + ctx.method() + " " + ctx.url()
                    + ": interrupted while waiting to retry", e);
        }
    }

    static CancellationException cancelled(CallContext ctx, Exception cause) {
        CancellationException c = new CancellationException(
                ctx.service() + " " + ctx.method() + " " + ctx.url() + ": cancelled");
        c.initCause(cause);
        return c;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Configures an {@link HttpService}. Not thread-safe. */
    public static final class Builder {
        private final String service;
        private final OkHttpClient client;
        private String baseUrl;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private final List<String[]> headers = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(String service, OkHttpClient client) {
            this.service = Objects.requireNonNull(service, "service");
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The base URL, e.g. {@code http://localhost:11434}; may carry a path prefix. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Time allowed to open a connection (OkHttp default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Longest silence while reading or writing (also between streamed items). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** Upper bound of a whole non-streaming call; none by default. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** The retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** A header sent on every request whose value is public (e.g. {@code Accept}). */
        public Builder header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /**
         * A credential header sent on every request. {@code secret} is the part that must never be
         * shown: it is scrubbed from server messages. {@code value} is the full header value.
         */
        public Builder credentialHeader(String name, String value, String secret) {
            headers.add(new String[] {name, value});
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
            return this;
        }

        /** Replaces how retries wait (tests). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Builds the service; a malformed base URL is a USER error naming the service. */
        public HttpService build() {
            HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.trim());
            if (url == null) {
                throw new P4n4Exception(ErrorCode.USER, service + ": base URL '" + (baseUrl == null ? ""
                        : HttpUrlText.redact(baseUrl)) + "' is not an http(s) URL; give one like http://localhost:8080");
            }
            return new HttpService(this, url);
        }
    }
}
