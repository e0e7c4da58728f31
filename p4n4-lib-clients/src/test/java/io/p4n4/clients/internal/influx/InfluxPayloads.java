package io.p4n4.clients.internal.influx;

/** Response bodies shaped exactly like InfluxDB 2.7's, for MockWebServer. */
final class InfluxPayloads {
    static final String HEALTH = "{\"name\":\"influxdb\",\"message\":\"ready for queries and writes\","
            + "\"status\":\"pass\",\"checks\":[],\"version\":\"v2.7.11\",\"commit\":\"fbf5d4ab5e\"}";
    static final String READY = "{\"status\":\"ready\",\"started\":\"2024-06-01T10:00:00.123456789Z\","
            + "\"up\":\"14m45.911966424s\"}";
    static final String ORGS = "{\"links\":{\"self\":\"/api/v2/orgs\"},\"orgs\":[{\"links\":{\"buckets\":"
            + "\"/api/v2/buckets?org=ming\",\"self\":\"/api/v2/orgs/9a5c1e3ab8d64c4b\"},\"id\":\"9a5c1e3ab8d64c4b\","
            + "\"name\":\"ming\",\"description\":\"\",\"createdAt\":\"2024-06-01T10:00:00.105318Z\","
            + "\"updatedAt\":\"2024-06-01T10:00:00.105327Z\"}]}";
    static final String NO_ORGS = "{\"links\":{\"self\":\"/api/v2/orgs\"},\"orgs\":[]}";
    static final String BUCKET_RAW = "{\"id\":\"0d8d3d2a5c0e4e7f\",\"orgID\":\"9a5c1e3ab8d64c4b\",\"type\":\"user\","
            + "\"name\":\"raw_telemetry\",\"retentionRules\":[{\"type\":\"expire\",\"everySeconds\":0,"
            + "\"shardGroupDurationSeconds\":604800}],\"createdAt\":\"2024-06-01T10:00:00.112233Z\","
            + "\"updatedAt\":\"2024-06-01T10:00:00.112233Z\",\"links\":{\"labels\":\"/api/v2/buckets/0d8d3d2a5c0e4e7f/labels\","
            + "\"members\":\"/api/v2/buckets/0d8d3d2a5c0e4e7f/members\",\"org\":\"/api/v2/orgs/9a5c1e3ab8d64c4b\","
            + "\"owners\":\"/api/v2/buckets/0d8d3d2a5c0e4e7f/owners\",\"self\":\"/api/v2/buckets/0d8d3d2a5c0e4e7f\","
            + "\"write\":\"/api/v2/write?org=9a5c1e3ab8d64c4b\\u0026bucket=0d8d3d2a5c0e4e7f\"},\"labels\":[]}";
    static final String BUCKET_MONITORING = "{\"id\":\"5a2c7b9f1e3d4c6a\",\"orgID\":\"9a5c1e3ab8d64c4b\","
            + "\"type\":\"system\",\"description\":\"System bucket for monitoring logs\",\"name\":\"_monitoring\","
            + "\"retentionRules\":[{\"type\":\"expire\",\"everySeconds\":604800,\"shardGroupDurationSeconds\":86400}],"
            + "\"createdAt\":\"2024-06-01T10:00:00.11Z\",\"updatedAt\":\"2024-06-01T10:00:00.11Z\",\"links\":{},"
            + "\"labels\":[]}";
    static final String BUCKETS = "{\"links\":{\"self\":\"/api/v2/buckets?descending=false\\u0026limit=100"
            + "\\u0026offset=0\\u0026orgID=9a5c1e3ab8d64c4b\"},\"buckets\":[" + BUCKET_RAW + "," + BUCKET_MONITORING + "]}";
    static final String BUCKET_CREATED = "{\"id\":\"1b2c3d4e5f607182\",\"orgID\":\"9a5c1e3ab8d64c4b\",\"type\":\"user\","
            + "\"name\":\"sandbox\",\"retentionRules\":[{\"type\":\"expire\",\"everySeconds\":2592000,"
            + "\"shardGroupDurationSeconds\":86400}],\"createdAt\":\"2024-06-02T08:00:00.5Z\","
            + "\"updatedAt\":\"2024-06-02T08:00:00.5Z\",\"links\":{},\"labels\":[]}";
    static final String CONFLICT = "{\"code\":\"conflict\",\"message\":\"bucket with name sandbox already exists\"}";
    static final String UNAUTHORIZED = "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}";
    static final String BUCKET_NOT_FOUND = "{\"code\":\"not found\",\"message\":\"bucket \\\"nope\\\" not found\"}";
    static final String PARSE_ERROR = "{\"code\":\"invalid\",\"message\":\"unable to parse 'temp value=': missing field value\"}";
    static final String FLUX_COMPILE_ERROR = "{\"code\":\"invalid\",\"message\":\"compilation failed: error @1:1-1:4:"
            + " undefined identifier bad\"}";
    static final String UNAVAILABLE = "{\"code\":\"unavailable\",\"message\":\"service unavailable\"}";

    private InfluxPayloads() {
    }
}
