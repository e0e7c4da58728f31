package io.p4n4.cli.agent;

import io.nats.client.NKey;
import io.p4n4.agent.nats.NatsAuthorizationConfig;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.DeviceIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 agent nats-config --seeds-dir DIR DEVICE...}: prints the nats-server authorization block in
 * which each device may read only its own desired state and write only its own status, and an administrator
 * may do everything. Users are NKeys: the block holds public keys only; the seeds are written to
 * {@code DIR/<name>.nk} (0600, the directory 0700) and reused when they exist, so running it again for more
 * devices keeps the keys of the others.
 */
@Command(name = "nats-config", mixinStandardHelpOptions = true,
        description = "Print the nats-server authorization block for these devices (NKey users; the seeds go"
                + " to --seeds-dir, 0600). See docs/nats-security.md.")
public final class AgentNatsConfigCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Device ids.")
    List<String> devices;

    @Option(names = "--seeds-dir", required = true, paramLabel = "DIR",
            description = "Where the NKey seeds are kept: DIR/<device>.nk for each device, DIR/<admin>.nk.")
    Path seedsDir;

    @Option(names = "--admin", paramLabel = "NAME", defaultValue = "p4n4-admin",
            description = "Name of the administrator's seed file (the publisher, the CLI). Default: ${DEFAULT-VALUE}.")
    String admin;

    @Option(names = "--bucket", paramLabel = "NAME", defaultValue = NatsDesiredStateStore.DESIRED_STATE_BUCKET,
            description = "Desired-state bucket. Default: ${DEFAULT-VALUE}.")
    String bucket;

    @Option(names = "--status-bucket", paramLabel = "NAME", defaultValue = NatsDesiredStateStore.STATUS_BUCKET,
            description = "Status bucket. Default: ${DEFAULT-VALUE}.")
    String statusBucket;

    @Override
    public Integer call() throws IOException {
        DeviceIds.requireValid("--admin", admin);
        if (devices.contains(admin)) {
            throw new P4n4Exception(ErrorCode.USER, "'" + admin + "' is both a device and the administrator's name;"
                    + " choose another --admin");
        }
        Files.createDirectories(seedsDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rwx------")));
        String adminKey = publicKey(admin);
        NatsAuthorizationConfig.Builder config = NatsAuthorizationConfig.builder().buckets(bucket, statusBucket)
                .admin(adminKey);
        List<Map<String, Object>> users = new ArrayList<>();
        users.add(user(admin, adminKey, "admin"));
        for (String device : devices) {
            String key = publicKey(DeviceIds.requireValid("device id", device));
            config.device(device, key);
            users.add(user(device, key, "device"));
        }
        String block = config.build().render();
        PrintWriter out = spec.commandLine().getOut();
        if (OutputMode.json(spec)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("config", block);
            doc.put("users", users);
            Json.printDocument(out, doc);
        } else {
            out.print(block);
            out.flush();
        }
        return 0;
    }

    private Map<String, Object> user(String name, String publicKey, String role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("role", role);
        m.put("public_key", publicKey);
        m.put("seed_file", seedsDir.resolve(name + ".nk").toString());
        return m;
    }

    /** Returns the public key of {@code DIR/<name>.nk}, creating the seed first when the file is missing. */
    private String publicKey(String name) throws IOException {
        Path file = seedsDir.resolve(name + ".nk");
        if (!Files.exists(file)) {
            create(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        char[] seed = new String(bytes, StandardCharsets.US_ASCII).trim().toCharArray();
        Arrays.fill(bytes, (byte) 0);
        NKey key = null;
        try {
            key = NKey.fromSeed(seed);
            if (key.getType() != NKey.Type.USER) {
                throw new P4n4Exception(ErrorCode.USER, file + " holds an NKey seed that is not a user's (SU...)");
            }
            return new String(key.getPublicKey());
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new P4n4Exception(ErrorCode.USER, file + " does not hold a valid NKey seed; remove it to have a new"
                    + " one made", e);
        } finally {
            if (key != null) {
                key.clear();
            }
            Arrays.fill(seed, '\0');
        }
    }

    private static void create(Path file) throws IOException {
        NKey key;
        try {
            key = NKey.createUser(new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot create an NKey: " + e.getMessage(), e);
        }
        char[] seed = key.getSeed();
        byte[] bytes = new String(seed).concat("\n").getBytes(StandardCharsets.US_ASCII);
        try {
            // created 0600 before anything is written to it
            Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), bytes);
        } catch (FileAlreadyExistsException raced) {
            // another run made it meanwhile: use theirs
        } finally {
            Arrays.fill(bytes, (byte) 0);
            key.clear();
        }
    }
}
