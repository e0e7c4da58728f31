package io.p4n4.core.project.internal;

import java.util.Map;

/** What a user must do by hand after rotating a setup-only secret, per variable. */
public final class SetupOnlyHints {
    private static final Map<String, String> HINTS = Map.of(
            "INFLUXDB_ADMIN_TOKEN", "InfluxDB keeps its first operator token: create the new one with"
                    + " `influx auth create --operator` (or recreate the influxdb-data volume), then restart"
                    + " Node-RED, Grafana, n8n and the edge runner",
            "INFLUXDB_ADMIN_PASSWORD", "InfluxDB keeps its first admin password: change it with"
                    + " `influx user password` (or recreate the influxdb-data volume)",
            "GF_SECURITY_ADMIN_PASSWORD", "Grafana keeps its first admin password: reset it with"
                    + " `grafana cli admin reset-admin-password` (or recreate the grafana-data volume)",
            "N8N_ENCRYPTION_KEY", "n8n encrypted its stored credentials with the old key: re-enter every"
                    + " credential in n8n (or recreate the n8n-data volume)",
            "INFLUXDB_TOKEN", "InfluxDB keeps its first operator token: create the new one with"
                    + " `influx auth create --operator` (or recreate the influxdb data volume)",
            "INFLUXDB_PASSWORD", "InfluxDB keeps its first admin password: change it with `influx user password`",
            "GRAFANA_PASSWORD", "Grafana keeps its first admin password: reset it with"
                    + " `grafana cli admin reset-admin-password`");

    private SetupOnlyHints() {
    }

    /** Returns the reset instruction for {@code name}. */
    public static String forVariable(String name) {
        return HINTS.getOrDefault(name, "the service keeps the value from its first start: reset " + name
                + " in the service, or recreate its data volume");
    }
}
