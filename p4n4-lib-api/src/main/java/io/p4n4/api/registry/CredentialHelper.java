package io.p4n4.api.registry;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-NAME get} as Docker does: the server URL on stdin, a JSON answer
 * ({@code Username}, {@code Secret}) on stdout; "credentials not found" means none.
 */
final class CredentialHelper {
    private static final long TIMEOUT_SECONDS = 30;
    private final String name;
    private final Path configFile;
    private final Map<String, String> env;

    CredentialHelper(String name, Path configFile, Map<String, String> env) {
        this.name = name;
        this.configFile = configFile;
        this.env = env;
    }

    Optional<RegistryCredentials> get(String registry) {
        String program = "docker-credential-" + name;
        Path executable = onPath(program).orElseThrow(() -> new P4n4Exception(ErrorCode.USER, configFile
                + " says the credentials for registry " + registry + " are kept by the credential helper "
                + program + ", but it is not on the PATH; install it, or remove credsStore/credHelpers from "
                + configFile + " and log in again"));
        String serverUrl = AuthFile.isDockerHub(registry) ? "https://index.docker.io/v1/" : registry;
        try {
            Process p = new ProcessBuilder(executable.toString(), "get").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a helper may answer (and exit) without reading its input: its answer below says what it knows
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw failed(registry, program, "it did not answer within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                if (out.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                    return Optional.empty();
                }
                // its output is an error text, not the secret (that comes only with exit 0)
                throw failed(registry, program, "it exited with " + p.exitValue() + ": " + out.strip());
            }
            Object answer;
            try {
                answer = SimpleJson.parse(out);
            } catch (IllegalArgumentException e) {
                throw failed(registry, program, "its answer is not JSON (" + e.getMessage() + ")");
            }
            String user = SimpleJson.string(answer, "Username");
            String secret = SimpleJson.string(answer, "Secret");
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RegistryCredentials(registry, user, secret, program));
        } catch (IOException e) {
            throw failed(registry, program, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(registry, program, "interrupted");
        }
    }

    private P4n4Exception failed(String registry, String program, String why) {
        return new P4n4Exception(ErrorCode.USER, "the credential helper " + program + " (named in " + configFile
                + ") could not give the credentials for registry " + registry + ": " + why
                + "; check the helper, or log in again (docker login " + registry + ")");
    }

    private Optional<Path> onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
