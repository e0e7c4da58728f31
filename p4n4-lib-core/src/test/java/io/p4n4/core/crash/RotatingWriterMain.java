package io.p4n4.core.crash;

import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.core.manifest.Manifests;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A writer to be killed: rotates every secret of a {@code .env} and rewrites {@code .p4n4.json} in a loop,
 * with the library's writers ({@link EnvFile#write}, {@link Manifests#write}), each write carrying its
 * generation in every value. It first writes once into a scratch directory (so the classes are loaded and
 * the kill lands in the loop, not in class loading), prints {@code ready}, and starts on a line from stdin.
 */
public final class RotatingWriterMain {

    /** Secrets per {@code .env}: enough that a torn write would split them. */
    static final int SECRETS = 40;
    /** URIs in the manifest's {@code template_orgs}, each carrying the generation. */
    static final int ORGS = 20;

    private RotatingWriterMain() {
    }

    /** {@code RotatingWriterMain DIR SCRATCH}: writes DIR/.env and DIR/.p4n4.json until killed. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        Files.createDirectories(scratch);
        write(scratch, 0);
        if (args.length > 2 && args[2].equals("--warm-up-only")) {
            return; // a run that only records the class-data archive the killed writers start from
        }
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        while (true) {
            write(dir, generationOf(dir) + 1);
        }
    }

    /** Rotates the secrets of {@code dir/.env} to generation {@code g}, then writes the manifest of {@code g}. */
    static void write(Path dir, long g) {
        Path env = dir.resolve(".env");
        SecureRandom random = new SecureRandom();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < SECRETS; i++) {
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            values.put("SECRET_" + i, "g" + g + "-" + HexFormat.of().formatHex(secret));
        }
        EnvFile.read(env).withAll(values).write(env);
        Manifests.write(dir.resolve(Manifests.FILE_NAME), manifest(g));
    }

    static Manifest manifest(long g) {
        return Manifest.builder("writer-g" + g, "0." + g + ".0").version("1." + g + ".0")
                .stacks(List.of(StackId.IOT)).templateOrgs(IntStream.range(0, ORGS)
                        .mapToObj(i -> URI.create("https://example.org/g" + g + "/org-" + i)).toList())
                .build();
    }

    /** The generation of the {@code .env} in {@code dir} (0 when there is none). */
    static long generationOf(Path dir) {
        Path env = dir.resolve(".env");
        if (!Files.exists(env)) {
            return 0;
        }
        String first = EnvFile.read(env).values().get("SECRET_0");
        return Long.parseLong(first.substring(1, first.indexOf('-')));
    }
}
