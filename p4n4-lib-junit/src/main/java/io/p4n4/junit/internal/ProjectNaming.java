package io.p4n4.junit.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Project names for test runs: unique per run, or stable for a reused project. Stateless, thread-safe. */
final class ProjectNaming {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProjectNaming() {
    }

    /** The first file's name plus a random suffix: {@code web-yml-3fa94c2e}. */
    static String unique(Path firstFile) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return stem(firstFile) + "-" + HexFormat.of().formatHex(suffix);
    }

    /** The first file's name plus a hash of the files and the owner: the same for every run of that class. */
    static String reused(Path firstFile, String key) {
        return stem(firstFile) + "-reuse-" + sha256(key).substring(0, 10);
    }

    /** Lowercase letters, digits, '-' and '_', starting with a letter or digit, as compose requires. */
    static String stem(Path file) {
        Path name = file.getFileName();
        String raw = (name == null ? "compose" : name.toString()).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            out.append(ok ? c : '-');
        }
        String s = out.toString().replaceAll("^[-_]+", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return s.isEmpty() ? "compose" : s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
