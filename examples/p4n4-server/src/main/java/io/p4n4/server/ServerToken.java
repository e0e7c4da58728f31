package io.p4n4.server;

import io.p4n4.compose.env.EnvFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token mutating calls need: {@value #VARIABLE} in the project's {@code .env}, generated (256 random
 * bits, hex) and written there on first start. The file is written atomically with mode 0600, every other line
 * kept as it was.
 */
final class ServerToken {
    /** The variable in {@code .env} that holds the token. */
    static final String VARIABLE = "P4N4_SERVER_TOKEN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerToken() {
    }

    /** Returns the token in {@code envFile}, after generating and writing one when there is none. */
    static String loadOrCreate(Path envFile) {
        EnvFile env = EnvFile.read(envFile);
        String existing = env.get(VARIABLE).orElse("");
        if (!existing.isBlank()) {
            return existing;
        }
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String token = HexFormat.of().formatHex(bits);
        env.with(VARIABLE, token).write(envFile);
        return token;
    }
}
