package io.p4n4.agent.nats;

import io.p4n4.api.score.DeviceIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes the nats-server {@code authorization} block for a fleet: an administrator (the publisher and the
 * CLI) allowed everything, and each device allowed only {@link DevicePermissions}. Users are NKeys, so the
 * block holds public keys only and is no secret. Immutable; build with {@link #builder()}.
 */
public final class NatsAuthorizationConfig {

    private final String adminPublicKey;
    private final Map<String, String> devices;
    private final String bucket;
    private final String statusBucket;

    private NatsAuthorizationConfig(Builder b) {
        this.adminPublicKey = Objects.requireNonNull(b.adminPublicKey, "the administrator's public NKey");
        this.devices = Map.copyOf(b.devices);
        this.bucket = b.bucket;
        this.statusBucket = b.statusBucket;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the block, in nats-server configuration syntax. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# p4n4: NATS authorization for ").append(devices.size()).append(" device(s);")
                .append(" buckets '").append(bucket).append("' and '").append(statusBucket)
                .append("' (docs/nats-security.md)\n");
        out.append("authorization {\n  users = [\n");
        out.append("    # the publisher and operator (p4n4 score ..., p4n4 agent status): everything\n");
        out.append("    { nkey: ").append(adminPublicKey).append(" }\n");
        devices.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
            out.append("    # device ").append(d.getKey()).append(": its own desired state and status only\n");
            out.append("    { nkey: ").append(d.getValue()).append(", permissions: {\n");
            out.append("        publish: { allow: ").append(list(DevicePermissions.publish(d.getKey(), bucket,
                    statusBucket))).append(" }\n");
            out.append("        subscribe: { allow: ").append(list(DevicePermissions.subscribe(d.getKey())))
                    .append(" }\n");
            out.append("    } }\n");
        });
        out.append("  ]\n}\n");
        return out.toString();
    }

    private static String list(List<String> subjects) {
        // quoted: an unquoted $NAME is a variable in nats-server's configuration syntax
        return subjects.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return "NatsAuthorizationConfig[" + devices.size() + " devices, bucket=" + bucket + "]";
    }

    /** Builds a {@link NatsAuthorizationConfig}. Not thread-safe. */
    public static final class Builder {
        private String adminPublicKey;
        private final Map<String, String> devices = new LinkedHashMap<>();
        private String bucket = NatsDesiredStateStore.DESIRED_STATE_BUCKET;
        private String statusBucket = NatsDesiredStateStore.STATUS_BUCKET;

        private Builder() {
        }

        /** Sets the administrator's public NKey ({@code U...}; required). */
        public Builder admin(String publicKey) {
            this.adminPublicKey = requireUserKey(publicKey);
            return this;
        }

        /** Adds a device with its public NKey ({@code U...}). */
        public Builder device(String device, String publicKey) {
            devices.put(DeviceIds.requireValid("device id", device), requireUserKey(publicKey));
            return this;
        }

        /** Sets the bucket names (defaults {@code desired-state} and {@code agent-status}). */
        public Builder buckets(String desiredState, String status) {
            this.bucket = DeviceIds.requireValid("bucket", desiredState);
            this.statusBucket = DeviceIds.requireValid("bucket", status);
            return this;
        }

        /** Returns the configuration. */
        public NatsAuthorizationConfig build() {
            return new NatsAuthorizationConfig(this);
        }

        private static String requireUserKey(String key) {
            if (key == null || !key.matches("U[A-Z2-7]{55}")) {
                throw new IllegalArgumentException("not a public user NKey (U followed by 55 base32 characters): "
                        + key);
            }
            return key;
        }
    }
}
