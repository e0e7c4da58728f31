package io.p4n4.clients.internal.influx;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.clients.influx.Bucket;
import io.p4n4.api.clients.influx.InfluxHealth;
import io.p4n4.api.clients.influx.InfluxReady;
import io.p4n4.clients.internal.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads InfluxDB 2's JSON answers into API records, tolerating fields added by newer servers. */
final class InfluxJson {

    private InfluxJson() {
    }

    static InfluxHealth health(JsonNode n) {
        return new InfluxHealth(Json.text(n, "name"), Json.text(n, "status"), Json.text(n, "message"),
                Json.text(n, "version"), Json.text(n, "commit"));
    }

    static InfluxReady ready(JsonNode n) {
        return new InfluxReady(Json.text(n, "status"), Json.text(n, "started"), Json.text(n, "up"));
    }

    /** A bucket object; retention is the {@code expire} rule's {@code everySeconds}, 0 = forever. */
    static Bucket bucket(JsonNode n) {
        long seconds = 0;
        for (JsonNode rule : Json.array(n, "retentionRules")) {
            if ("expire".equals(Json.text(rule, "type"))) {
                seconds = Json.longValue(rule, "everySeconds");
            }
        }
        return new Bucket(Json.text(n, "id"), Json.text(n, "orgID"), Json.text(n, "name"),
                Json.text(n, "description"), Json.text(n, "type"), Duration.ofSeconds(seconds),
                instant(Json.text(n, "createdAt")));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null; // informational only: an unexpected format must not fail the listing
        }
    }
}
