package io.p4n4.clients.internal.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.influx.Bucket;
import io.p4n4.api.clients.influx.FluxRecord;
import io.p4n4.api.clients.influx.FluxRecordHandler;
import io.p4n4.api.clients.influx.FluxTable;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.influx.InfluxHealth;
import io.p4n4.api.clients.influx.InfluxReady;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WriteApi;
import io.p4n4.api.clients.influx.WriteOptions;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.clients.internal.http.CallSpec;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.http.Json;
import io.p4n4.clients.internal.http.OpenResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The {@link InfluxClient} on the shared HTTP layer. Batched writes go through
 * {@link HttpWriteTransport} on the same OkHttp pool. Immutable apart from the lazily looked-up
 * organization ID and the set of open writers; thread-safe.
 */
public final class DefaultInfluxClient implements InfluxClient {
    private static final int PAGE = 100;

    private final HttpService http;
    private final OkHttpClient okHttp;
    private final String token;
    private final String org;
    private final String bucket;
    private final Set<WriteApi> writers = ConcurrentHashMap.newKeySet();
    private volatile String orgId;
    private volatile boolean closed;

    /** Creates the client; {@code okHttp} carries the batched writes and should share the pool of {@code http}. */
    public DefaultInfluxClient(HttpService http, OkHttpClient okHttp, String token, String org, String bucket) {
        this.http = http;
        this.okHttp = okHttp;
        this.token = token;
        this.org = org;
        this.bucket = bucket;
    }

    @Override
    public InfluxHealth health() {
        return InfluxJson.health(http.get("/health").json());
    }

    @Override
    public InfluxReady ready() {
        return InfluxJson.ready(http.get("/ready").json());
    }

    @Override
    public void writeRecords(List<String> lines) {
        writeRecords(requireBucket(null), WritePrecision.NS, lines);
    }

    @Override
    public void writeRecords(String bucket, WritePrecision precision, List<String> lines) {
        StringBuilder body = new StringBuilder(lines.size() * 64);
        for (String line : lines) {
            body.append(line);
            if (!line.endsWith("\n")) {
                body.append('\n');
            }
        }
        post(bucket, precision, body);
    }

    @Override
    public void writePoints(List<Point> points) {
        writePoints(requireBucket(null), WritePrecision.NS, points);
    }

    @Override
    public void writePoints(String bucket, WritePrecision precision, List<Point> points) {
        StringBuilder body = new StringBuilder(points.size() * 64);
        Refusals refusals = new Refusals(points.size());
        for (int i = 0; i < points.size(); i++) {
            int mark = body.length();
            try {
                LineProtocolEncoder.append(body, points.get(i), precision);
                body.append('\n');
            } catch (P4n4Exception e) {
                body.setLength(mark); // no half line of a refused point
                refusals.add(i, e);
            }
        }
        post(bucket, precision, body);
        refusals.throwIfAny();
    }

    private void post(String bucket, WritePrecision precision, CharSequence body) {
        if (body.length() == 0) {
            return;
        }
        http.post("/api/v2/write").query("org", requireOrg()).query("bucket", requireBucket(bucket))
                .query("precision", precision.apiValue())
                .body(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8),
                        HttpWriteTransport.LINE_PROTOCOL))
                .discard();
    }

    @Override
    public WriteApi newWriteApi(WriteOptions options) {
        if (closed) {
            throw new P4n4Exception(ErrorCode.USER, "influxdb: the client is closed; build a new one");
        }
        String targetOrg = options.org().orElseGet(this::requireOrg);
        String targetBucket = options.bucket().orElseGet(() -> requireBucket(null));
        HttpWriteTransport transport = new HttpWriteTransport(okHttp, http.baseUrl(), token, targetOrg, targetBucket,
                options.precision(), options.gzip());
        WriteApi[] self = new WriteApi[1];
        BatchingWriteApi writer = new BatchingWriteApi(options, transport, () -> writers.remove(self[0]));
        self[0] = writer;
        writers.add(writer);
        return writer;
    }

    @Override
    public List<FluxTable> query(String flux) {
        List<FluxTable> tables = new ArrayList<>();
        List<FluxRecord> current = new ArrayList<>();
        int[] index = {-1};
        query(flux, r -> {
            if (!current.isEmpty() && (r.table() != index[0] || !r.columns().equals(current.get(0).columns()))) {
                tables.add(new FluxTable(index[0], current.get(0).columns(), current));
                current.clear();
            }
            index[0] = r.table();
            current.add(r);
            return true;
        });
        if (!current.isEmpty()) {
            tables.add(new FluxTable(index[0], current.get(0).columns(), current));
        }
        return List.copyOf(tables);
    }

    @Override
    public boolean query(String flux, FluxRecordHandler handler) {
        return query(flux, null, handler);
    }

    @Override
    public boolean query(String flux, Cancellation cancellation, FluxRecordHandler handler) {
        try (OpenResponse r = queryCall(flux, cancellation).open()) {
            try {
                Reader reader = new InputStreamReader(r.body().inputStream(), StandardCharsets.UTF_8);
                boolean complete = new AnnotatedCsvReader(reader, r.context()).read(handler);
                if (complete) {
                    r.complete();
                }
                return complete;
            } catch (IOException e) {
                throw r.failure(e);
            }
        }
    }

    @Override
    public String queryRaw(String flux) {
        return queryCall(flux, null).string();
    }

    private CallSpec queryCall(String flux, Cancellation cancellation) {
        if (flux == null || flux.isBlank()) {
            throw new P4n4Exception(ErrorCode.USER, "influxdb query: the Flux query is empty");
        }
        ObjectNode body = Json.object();
        body.put("query", flux);
        body.put("type", "flux");
        ObjectNode dialect = body.putObject("dialect");
        dialect.put("header", true);
        dialect.put("delimiter", ",");
        ArrayNode annotations = dialect.putArray("annotations");
        annotations.add("datatype").add("group").add("default");
        dialect.put("commentPrefix", "#");
        dialect.put("dateTimeFormat", "RFC3339");
        // a query reads only: safe to repeat on 5xx or a timeout
        return http.post("/api/v2/query").idempotent(true).query("org", requireOrg())
                .header("Accept", "application/csv").json(body).cancellation(cancellation);
    }

    @Override
    public List<Bucket> listBuckets() {
        String id = orgId();
        List<Bucket> out = new ArrayList<>();
        for (int offset = 0;; offset += PAGE) {
            JsonNode page = http.get("/api/v2/buckets").query("orgID", id).query("limit", PAGE)
                    .query("offset", offset).json();
            List<JsonNode> buckets = Json.array(page, "buckets");
            buckets.forEach(b -> out.add(InfluxJson.bucket(b)));
            if (buckets.size() < PAGE) {
                return List.copyOf(out);
            }
        }
    }

    @Override
    public Optional<Bucket> findBucket(String name) {
        try {
            JsonNode page = http.get("/api/v2/buckets").query("orgID", orgId()).query("name", name).json();
            return Json.array(page, "buckets").stream().map(InfluxJson::bucket)
                    .filter(b -> name.equals(b.name())).findFirst();
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return Optional.empty(); // older servers answer 404 to a name filter without match
            }
            throw e;
        }
    }

    @Override
    public Bucket createBucket(String name, Duration retention) {
        if (name == null || name.isBlank()) {
            throw new P4n4Exception(ErrorCode.USER, "influxdb: a bucket needs a name");
        }
        if (retention == null || retention.isNegative()) {
            throw new P4n4Exception(ErrorCode.USER, "influxdb: bucket '" + name
                    + "' needs a retention of zero (forever) or more, got " + retention);
        }
        ObjectNode body = Json.object();
        body.put("orgID", orgId());
        body.put("name", name);
        ArrayNode rules = body.putArray("retentionRules");
        if (!retention.isZero()) {
            rules.addObject().put("type", "expire").put("everySeconds", Math.max(1, retention.getSeconds()));
        }
        return InfluxJson.bucket(http.post("/api/v2/buckets").json(body).json());
    }

    @Override
    public String orgId() {
        String id = orgId;
        if (id == null) {
            String name = requireOrg();
            JsonNode orgs = http.get("/api/v2/orgs").query("org", name).json();
            id = Json.array(orgs, "orgs").stream().filter(o -> name.equals(Json.text(o, "name")))
                    .map(o -> Json.text(o, "id")).findFirst()
                    .orElseThrow(() -> new ServiceException(ErrorCode.USER, http.service(), "GET", "/api/v2/orgs", 200,
                            null, "influxdb: organization '" + name + "' not found at " + http.baseUrl().host() + ":"
                                    + http.baseUrl().port() + "; check INFLUXDB_ORG (or --org)", null));
            orgId = id;
        }
        return id;
    }

    @Override
    public String org() {
        return requireOrg();
    }

    @Override
    public Optional<String> defaultBucket() {
        return Optional.ofNullable(bucket);
    }

    private String requireOrg() {
        if (org == null || org.isBlank()) {
            throw new P4n4Exception(ErrorCode.USER,
                    "influxdb: no organization configured; set INFLUXDB_ORG in the project's .env or pass --org");
        }
        return org;
    }

    private String requireBucket(String explicit) {
        String b = explicit != null ? explicit : bucket;
        if (b == null || b.isBlank()) {
            throw new P4n4Exception(ErrorCode.USER,
                    "influxdb: no bucket given; set INFLUXDB_BUCKET in the project's .env or pass --bucket");
        }
        return b;
    }

    @Override
    public void close() {
        closed = true;
        for (WriteApi w : List.copyOf(writers)) {
            w.close();
        }
    }

    @Override
    public String toString() {
        return "InfluxClient[" + http.baseUrl() + ", org=" + org + ", bucket=" + bucket + "]";
    }
}
