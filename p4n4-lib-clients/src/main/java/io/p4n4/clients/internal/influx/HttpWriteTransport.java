package io.p4n4.clients.internal.influx;

import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.internal.http.CallContext;
import io.p4n4.clients.internal.http.SafeUrl;
import io.p4n4.clients.internal.http.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@code POST /api/v2/write?org=..&bucket=..&precision=..} with a line-protocol body, optionally
 * gzip-compressed. Talks to OkHttp directly (rather than through the shared call layer) because the
 * batching writer needs the raw {@code Retry-After} header and owns its retries. Thread-safe for one
 * sender thread plus {@link #abort()} from any thread.
 */
final class HttpWriteTransport implements WriteTransport {
    static final MediaType LINE_PROTOCOL = MediaType.get("text/plain; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl url;
    private final String authorization;
    private final List<String> secrets;
    private final boolean gzip;
    private final CallContext context;
    private volatile Call inFlight;

    HttpWriteTransport(OkHttpClient client, HttpUrl baseUrl, String token, String org, String bucket,
            WritePrecision precision, boolean gzip) {
        this.client = client;
        this.url = baseUrl.newBuilder().addPathSegments("api/v2/write").addQueryParameter("org", org)
                .addQueryParameter("bucket", bucket).addQueryParameter("precision", precision.apiValue()).build();
        this.authorization = token == null || token.isEmpty() ? null : "Token " + token;
        this.secrets = token == null || token.isEmpty() ? List.of() : List.of(token);
        this.gzip = gzip;
        this.context = new CallContext("influxdb", "POST", url.encodedPath(), SafeUrl.of(url));
    }

    @Override
    public void send(Batch batch) throws SendFailure {
        byte[] bytes = batch.body().getBytes(StandardCharsets.UTF_8);
        Request.Builder rb = new Request.Builder().url(url);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        if (gzip) {
            bytes = gzip(bytes);
            rb.header("Content-Encoding", "gzip");
        }
        Call call = client.newCall(rb.post(RequestBody.create(bytes, LINE_PROTOCOL)).build());
        inFlight = call;
        try (Response response = call.execute()) {
            if (response.isSuccessful()) {
                return;
            }
            int status = response.code();
            String message = ServerMessage.extract(errorBody(response), secrets);
            ServiceException error = context.status(status, message);
            throw new SendFailure(error, status == 429 || status >= 500, response.header("Retry-After"));
        } catch (IOException e) {
            // no response: the server may be restarting; the batch is safe to send again
            throw new SendFailure(context.unreachable(e), true, null);
        } finally {
            inFlight = null;
        }
    }

    @Override
    public void abort() {
        Call c = inFlight;
        if (c != null) {
            c.cancel();
        }
    }

    private static String errorBody(Response response) {
        try (ResponseBody body = response.body()) {
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

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED); // line protocol compresses well even at the fastest level
            }
        }) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }
}
