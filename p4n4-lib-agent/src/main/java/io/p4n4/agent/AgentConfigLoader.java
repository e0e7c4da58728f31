package io.p4n4.agent;

import io.p4n4.api.InvalidFileException;
import io.p4n4.agent.internal.TomlFiles;
import io.p4n4.agent.nats.NatsTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tomlj.TomlParseResult;

/**
 * Reads an agent's TOML configuration (the format of the IoT walking skeleton, plus optional keys):
 * <pre>
 * [agent]
 * device_id = "pi-demo-01"
 * relist_seconds = 30        # optional
 * status_seconds = 30        # optional
 * runtime = "auto"           # optional: auto, podman or docker
 * state_dir = "/var/lib/p4n4-agent"  # optional: where the highest applied generations are kept
 *
 * [credentials]              # read by TomlCredentialSource
 * type = "toml-shared"       # or "token" (nats_token), "nkey" (seed_file), "creds" (creds_file), "none"
 * nats_user = "iot-agent"
 * nats_pass = "..."
 *
 * [nats]
 * urls = ["nats://central:4222"]
 *
 * [nats.tls]                 # optional: TLS to NATS (PEM files; relative to this file's directory)
 * ca_file = "ca.pem"         # the CA that signed the server's certificate
 * cert_file = "device.pem"   # optional: a client certificate, with
 * key_file = "device.key"    #   its unencrypted PKCS#8 key
 *
 * [trust]                    # optional: only Scores signed by these keys apply
 * ed25519_public_keys = ["MCowBQYDK2VwAyEA..."]
 * </pre>
 * Errors are {@link InvalidFileException}s (USER) naming the file, line and key. Stateless.
 */
public final class AgentConfigLoader {

    private AgentConfigLoader() {
    }

    /**
     * Reads and checks the file.
     *
     * @throws InvalidFileException when it is missing, not TOML, or a key is missing or wrong
     */
    public static AgentConfig load(Path file) {
        TomlParseResult toml = TomlFiles.parse(file);
        String deviceId = TomlFiles.requireString(file, toml, "agent.device_id");
        try {
            io.p4n4.api.score.DeviceIds.requireValid("device id", deviceId);
        } catch (io.p4n4.api.P4n4Exception e) {
            throw TomlFiles.error(file, toml, "agent.device_id", e.getMessage());
        }
        List<String> urls = TomlFiles.requireStrings(file, toml, "nats.urls");
        if (urls.isEmpty()) {
            throw TomlFiles.error(file, toml, "nats.urls", "list at least one NATS URL, like \"nats://host:4222\"");
        }
        for (String url : urls) {
            if (!url.matches("(nats|tls|ws|wss)://[^\\s]+")) {
                throw TomlFiles.error(file, toml, "nats.urls", "'" + url
                        + "' is not a NATS URL; write it like \"nats://host:4222\"");
            }
        }
        Duration relist = seconds(file, toml, "agent.relist_seconds", 30);
        Duration status = seconds(file, toml, "agent.status_seconds", 30);
        List<String> trusted = toml.contains("trust.ed25519_public_keys")
                ? TomlFiles.requireStrings(file, toml, "trust.ed25519_public_keys") : List.of();
        String runtime = toml.contains("agent.runtime") ? TomlFiles.requireString(file, toml, "agent.runtime")
                : "auto";
        if (!List.of("auto", "podman", "docker").contains(runtime)) {
            throw TomlFiles.error(file, toml, "agent.runtime", "'" + runtime
                    + "' is not a runtime; use auto, podman or docker");
        }
        Path stateDir = toml.contains("agent.state_dir")
                ? Path.of(TomlFiles.requireString(file, toml, "agent.state_dir")) : AgentConfig.DEFAULT_STATE_DIR;
        return new AgentConfig(file, deviceId, urls, relist, status, trusted, runtime, stateDir, tls(file, toml));
    }

    private static @Nullable NatsTls tls(Path file, TomlParseResult toml) {
        if (!toml.contains("nats.tls")) {
            return null;
        }
        Path ca = TomlFiles.requirePath(file, toml, "nats.tls.ca_file");
        boolean cert = toml.contains("nats.tls.cert_file");
        if (cert != toml.contains("nats.tls.key_file")) {
            throw TomlFiles.error(file, toml, cert ? "nats.tls.key_file" : "nats.tls.cert_file",
                    "give cert_file and key_file together (a client certificate and its key), or neither");
        }
        return new NatsTls(ca, cert ? TomlFiles.requirePath(file, toml, "nats.tls.cert_file") : null,
                cert ? TomlFiles.requirePath(file, toml, "nats.tls.key_file") : null);
    }

    private static Duration seconds(Path file, TomlParseResult toml, String key, long fallback) {
        if (!toml.contains(key)) {
            return Duration.ofSeconds(fallback);
        }
        Object value = toml.get(key);
        if (!(value instanceof Long n) || n < 1 || n > 86_400) {
            throw TomlFiles.error(file, toml, key, "must be a whole number of seconds from 1 to 86400");
        }
        return Duration.ofSeconds(n);
    }
}
