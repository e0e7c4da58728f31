package io.p4n4.core.stack;

import static io.p4n4.api.project.SecretKind.EXTERNAL;
import static io.p4n4.api.project.SecretKind.HEX;
import static io.p4n4.api.project.SecretKind.TOKEN;
import static io.p4n4.api.project.StackFile.copy;
import static io.p4n4.api.project.StackFile.directory;
import static io.p4n4.api.project.StackFile.template;
import static io.p4n4.api.project.VariableDefinition.secret;
import static io.p4n4.api.project.VariableDefinition.setting;

import io.p4n4.api.project.HttpProbe;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.VariableDefinition;
import io.p4n4.api.spi.StackProvider;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The stacks shipped with p4n4-lib: iot, ai and edge, with the variables of the spec's variable table
 * (section 8.7) and templates under {@code io/p4n4/core/templates/}. Thread-safe (immutable).
 */
public final class BundledStackProvider implements StackProvider {
    /** Where the templates live on the classpath. */
    public static final String TEMPLATES = "io/p4n4/core/templates/";

    private static final StackId IOT = StackId.IOT;

    // variables used by more than one stack: one definition, one value everywhere
    static final VariableDefinition TZ = setting("TZ", IOT, "UTC", "Time zone of every service (tz database name)")
            .crossStackShared();
    static final VariableDefinition INFLUXDB_ADMIN_TOKEN = secret("INFLUXDB_ADMIN_TOKEN", IOT, TOKEN,
            "InfluxDB operator token; Node-RED, Grafana, n8n and the edge runner write and query with it")
            .crossStackShared().setupOnlySecret();
    static final VariableDefinition INFLUXDB_ORG = setting("INFLUXDB_ORG", IOT, "p4n4",
            "InfluxDB organisation created at first start").crossStackShared();
    static final VariableDefinition INFLUXDB_BUCKET = setting("INFLUXDB_BUCKET", IOT, "raw_telemetry",
            "InfluxDB bucket for raw telemetry, created at first start").crossStackShared();
    static final VariableDefinition MQTT_USER = setting("MQTT_USER", IOT, "p4n4",
            "MQTT user of Node-RED, n8n and the edge runner").crossStackShared();
    static final VariableDefinition MQTT_PASSWORD = secret("MQTT_PASSWORD", IOT, TOKEN,
            "MQTT password; Mosquitto's password file is rebuilt from it at every start").crossStackShared();
    static final VariableDefinition LETTA_SERVER_PASSWORD = secret("LETTA_SERVER_PASSWORD", StackId.AI, TOKEN,
            "Letta API password; Node-RED calls Letta with it").crossStackShared();

    /** The n8n workflow library (spec F-0.2.3): four IoT baseline workflows, then four AI-augmented ones. */
    public static final List<String> N8N_WORKFLOWS = List.of("alert-enrichment", "scheduled-digest",
            "device-onboarding", "incident-escalation", "anomaly-investigation", "sensor-qa", "model-drift-report",
            "operator-briefing");

    /**
     * Name of the n8n MQTT credential the workflows with MQTT nodes reference. n8n keeps credentials
     * encrypted in its own database, so the template cannot provision it: it is created once by hand
     * ({@link #N8N_NEXT_STEPS}).
     */
    public static final String N8N_MQTT_CREDENTIAL = "p4n4 MQTT";

    /** The manual steps before the n8n workflows run, as {@code p4n4 init} prints them for the ai stack. */
    public static final List<String> N8N_NEXT_STEPS = List.of(
            "import the n8n workflows: cd stacks/ai && docker compose --env-file ../../.env exec n8n"
                    + " n8n import:workflow --separate --input=/workflows",
            "in n8n, create the MQTT credential '" + N8N_MQTT_CREDENTIAL + "' (host mosquitto, port 1883, user and"
                    + " password: MQTT_USER and MQTT_PASSWORD from .env) before activating a workflow",
            "anomaly-investigation and operator-briefing talk to the Letta agents anomaly-analyst and"
                    + " operator-assistant: create them first");

    private static final List<StackDefinition> STACKS = List.of(iot(), ai(), edge());

    private static StackDefinition iot() {
        String t = TEMPLATES + "iot/";
        return StackDefinition.builder(IOT)
                .description("MING: Mosquitto, InfluxDB 2, Node-RED, Grafana; owns the p4n4-net network")
                .services("mosquitto", "influxdb", "node-red", "grafana")
                .readiness("Mosquitto and InfluxDB containers report healthy")
                .variable(TZ)
                .variable(setting("INFLUXDB_ADMIN_USER", IOT, "admin", "InfluxDB admin user created at first start"))
                .variable(secret("INFLUXDB_ADMIN_PASSWORD", IOT, TOKEN,
                        "InfluxDB admin password, set at first start").setupOnlySecret())
                .variable(INFLUXDB_ADMIN_TOKEN)
                .variable(INFLUXDB_ORG)
                .variable(INFLUXDB_BUCKET)
                .variable(MQTT_USER)
                .variable(MQTT_PASSWORD)
                .variable(setting("GF_SECURITY_ADMIN_USER", IOT, "admin", "Grafana admin user"))
                .variable(secret("GF_SECURITY_ADMIN_PASSWORD", IOT, TOKEN,
                        "Grafana admin password, stored in Grafana's database at first start").setupOnlySecret())
                .file(template("docker-compose.yml", t + "docker-compose.yml.j2"))
                .file(copy("config/mosquitto/mosquitto.conf", t + "mosquitto.conf"))
                .file(copy("config/grafana/provisioning/datasources/datasources.yml", t + "datasources.yml"))
                .file(copy("config/node-red/settings.js", t + "settings.js"))
                .file(copy("config/node-red/flows.json", t + "flows.json"))
                .file(copy("config/node-red/flows_cred.json", t + "flows_cred.json"))
                // to import by hand: inject -> ollama-generate -> debug, proving Node-RED reaches Ollama
                .file(copy("config/node-red/ai-integration-smoke.json", t + "ai-integration-smoke.json"))
                .build();
    }

    private static StackDefinition ai() {
        String t = TEMPLATES + "ai/";
        StackId ai = StackId.AI;
        StackDefinition.Builder b = StackDefinition.builder(ai)
                .description("Local AI: Ollama, Letta, n8n with the eight-workflow library and three Letta agent personas")
                .services("ollama", "letta", "n8n")
                .readiness("Ollama and Letta answer their HTTP health endpoints")
                .httpProbe(new HttpProbe("ollama", 11434, "/api/version"))
                .httpProbe(new HttpProbe("letta", 8283, "/v1/health/"))
                .variable(LETTA_SERVER_PASSWORD)
                .variable(setting("N8N_BASIC_AUTH_USER", ai, "admin", "n8n user"))
                .variable(secret("N8N_BASIC_AUTH_PASSWORD", ai, TOKEN, "n8n password"))
                .variable(secret("N8N_ENCRYPTION_KEY", ai, HEX,
                        "Key n8n encrypts stored credentials with; fixed at first start").setupOnlySecret())
                .variable(setting("N8N_HOST", ai, "localhost", "Host name n8n puts into webhook URLs"))
                .variable(TZ)
                .variable(INFLUXDB_ADMIN_TOKEN)
                .variable(INFLUXDB_ORG)
                .variable(INFLUXDB_BUCKET)
                .variable(MQTT_USER)
                .variable(MQTT_PASSWORD)
                .file(template("docker-compose.yml", t + "docker-compose.yml.j2"));
        for (String wf : N8N_WORKFLOWS) {
            b.file(copy("config/n8n/workflows/" + wf + ".json", t + "workflows/" + wf + ".json"));
        }
        // the Letta agent personas (F-0.2.1), read by p4n4 ai agent init
        for (String persona : List.of("site-monitor", "anomaly-analyst", "operator-assistant")) {
            b.file(copy("letta/agents/" + persona + ".toml", t + "letta/agents/" + persona + ".toml"));
        }
        return b.build();
    }

    private static StackDefinition edge() {
        StackId edge = StackId.EDGE;
        return StackDefinition.builder(edge)
                .description("Edge Impulse Linux runner serving .eim models from models/")
                .services("ei-runner")
                .readiness("started")
                .variable(VariableDefinition.builder("EI_API_KEY", edge)
                        .description("Edge Impulse API key (from Edge Impulse Studio); only needed to download models")
                        .required(false).kind(EXTERNAL).build())
                .variable(setting("EI_MODEL_FILE", edge, "model.eim", "Model file in models/ the runner serves"))
                .variable(TZ)
                .variable(INFLUXDB_ADMIN_TOKEN)
                .variable(INFLUXDB_ORG)
                .variable(MQTT_USER)
                .variable(MQTT_PASSWORD)
                .file(template("docker-compose.yml", TEMPLATES + "edge/docker-compose.yml.j2"))
                .file(directory("models"))
                .build();
    }

    @Override
    public String id() {
        return "bundled";
    }

    @Override
    public String description() {
        return "The iot, ai and edge stacks shipped with p4n4-lib";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public List<StackDefinition> stacks() {
        return STACKS;
    }

    @Override
    public Optional<InputStream> openResource(String resource) {
        return Optional.ofNullable(BundledStackProvider.class.getClassLoader().getResourceAsStream(resource));
    }
}
