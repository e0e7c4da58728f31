package io.p4n4.api.registry;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One credentials file in the format Docker's config.json and Podman's auth.json share: {@code auths} by
 * registry ({@code auth} = base64 of {@code user:password}, or {@code username}/{@code password}),
 * {@code credHelpers} by registry and a default {@code credsStore}. Read afresh on every lookup, as the
 * engines' own clients do.
 */
final class AuthFile {
    private final Path path;
    private final Map<String, String> env;

    AuthFile(Path path, Map<String, String> env) {
        this.path = path;
        this.env = env;
    }

    Path path() {
        return path;
    }

    /** The credentials for {@code registry} in this file (or its helpers); empty when it has none. */
    Optional<RegistryCredentials> find(String registry) {
        Object root = read();
        if (root == null) {
            return Optional.empty();
        }
        String helper = SimpleJson.string(SimpleJson.object(root, "credHelpers"), registry);
        if (helper.isEmpty() && isDockerHub(registry)) {
            helper = SimpleJson.string(SimpleJson.object(root, "credHelpers"), "index.docker.io");
        }
        if (helper.isEmpty()) {
            helper = SimpleJson.string(root, "credsStore");
        }
        if (!helper.isEmpty()) {
            return new CredentialHelper(helper, path, env).get(registry);
        }
        for (Map.Entry<String, Object> e : SimpleJson.object(root, "auths").entrySet()) {
            if (sameRegistry(hostOf(e.getKey()), registry)) {
                return Optional.of(entry(registry, e.getValue()));
            }
        }
        return Optional.empty();
    }

    private RegistryCredentials entry(String registry, Object entry) {
        String auth = SimpleJson.string(entry, "auth");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw refused(registry, "its \"auth\" value is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw refused(registry, "its \"auth\" value is not base64 of user:password");
            }
            return new RegistryCredentials(registry, decoded.substring(0, colon), decoded.substring(colon + 1),
                    path.toString());
        }
        String user = SimpleJson.string(entry, "username");
        String password = SimpleJson.string(entry, "password");
        if (!user.isEmpty() && !password.isEmpty()) {
            return new RegistryCredentials(registry, user, password, path.toString());
        }
        if (!SimpleJson.string(entry, "identitytoken").isEmpty()) {
            throw refused(registry, "it holds an identity token, which p4n4 does not send; log in with a user name"
                    + " and password (docker login " + registry + ")");
        }
        throw refused(registry, "it has neither \"auth\" nor \"username\" and \"password\"");
    }

    private P4n4Exception refused(String registry, String why) {
        return new P4n4Exception(ErrorCode.USER, "the credentials for registry " + registry + " in " + path
                + " cannot be used: " + why + "; log in again (docker login " + registry + " or podman login "
                + registry + ")");
    }

    private Object read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, "cannot read registry credentials file " + path + ": "
                    + e.getMessage() + "; fix its permissions or remove it", e);
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return SimpleJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new P4n4Exception(ErrorCode.USER, "registry credentials file " + path + " is not valid JSON ("
                    + e.getMessage() + "); fix it or remove it", null);
        }
    }

    /** {@code https://127.0.0.1:5001/v2/} and {@code 127.0.0.1:5001} name the same registry. */
    static String hostOf(String key) {
        String host = key.strip();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }

    static boolean sameRegistry(String a, String b) {
        return a.equalsIgnoreCase(b) || isDockerHub(a) && isDockerHub(b);
    }

    static boolean isDockerHub(String host) {
        return host.equals("docker.io") || host.equals("index.docker.io") || host.equals("registry-1.docker.io");
    }
}
