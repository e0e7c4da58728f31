package io.p4n4.agent;

import io.p4n4.agent.nats.NatsTls;
import io.p4n4.api.score.DeviceIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A device agent's configuration, as read from its TOML file by {@link AgentConfigLoader}. Holds no
 * secret (credentials are read by a {@link io.p4n4.api.spi.CredentialSource}). Immutable.
 *
 * @param file the file it was read from, or {@code null}
 * @param deviceId {@code [agent] device_id}
 * @param natsUrls {@code [nats] urls}
 * @param relistInterval {@code [agent] relist_seconds} (default 30): full resync period
 * @param statusInterval {@code [agent] status_seconds} (default 30): status write period
 * @param trustedKeys {@code [trust] ed25519_public_keys}: when not empty, only signed Scores apply
 * @param runtime {@code [agent] runtime} (default {@code auto}): which container engine to use
 * @param stateDir {@code [agent] state_dir} (default {@code /var/lib/p4n4-agent}): where the agent keeps
 *     the highest Score generation applied per key (used when keys are trusted)
 * @param natsTls {@code [nats.tls] ca_file, cert_file, key_file}: TLS to NATS, or {@code null} for plain TCP
 */
public record AgentConfig(@Nullable Path file, String deviceId, List<String> natsUrls, Duration relistInterval,
        Duration statusInterval, List<String> trustedKeys, String runtime, Path stateDir,
        @Nullable NatsTls natsTls) {

    /** The default location of the agent's configuration. */
    public static final Path DEFAULT_FILE = Path.of("/etc/p4n4-agent/config.toml");

    /** The default state directory. */
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/p4n4-agent");

    /** Validates the device id and copies the lists. */
    public AgentConfig {
        DeviceIds.requireValid("device id", deviceId);
        natsUrls = List.copyOf(natsUrls);
        Objects.requireNonNull(relistInterval, "relistInterval");
        Objects.requireNonNull(statusInterval, "statusInterval");
        trustedKeys = List.copyOf(trustedKeys);
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    /** Returns a configuration without TLS (the form before {@code [nats.tls]} existed). */
    public AgentConfig(@Nullable Path file, String deviceId, List<String> natsUrls, Duration relistInterval,
            Duration statusInterval, List<String> trustedKeys, String runtime, Path stateDir) {
        this(file, deviceId, natsUrls, relistInterval, statusInterval, trustedKeys, runtime, stateDir, null);
    }
}
