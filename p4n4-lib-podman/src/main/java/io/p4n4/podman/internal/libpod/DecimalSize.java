package io.p4n4.podman.internal.libpod;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size such as {@code 10m} or {@code 1.5GB} in bytes, with decimal units (k = 1000), as Docker's and
 * Podman's {@code max-size} logging option reads it (go-units' {@code FromHumanSize}).
 */
final class DecimalSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?");

    private DecimalSize() {
    }

    /** The size in bytes, or empty when {@code text} is not a size. */
    static Optional<Long> find(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2)) + 1;
        return Optional.of((long) (n * Math.pow(1000, power)));
    }

    /** The size in bytes; throws IllegalArgumentException when {@code text} is not a size. */
    static long parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("not a size: " + text));
    }
}
