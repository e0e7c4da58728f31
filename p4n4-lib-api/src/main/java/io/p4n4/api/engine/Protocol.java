package io.p4n4.api.engine;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The transport protocol of a published port. */
public enum Protocol {
    TCP, UDP, SCTP;

    /** Parses {@code "tcp"}, {@code "udp"} or {@code "sctp"} (any case); null means TCP. */
    public static Protocol parse(@Nullable String word) {
        if (word == null || word.isBlank()) {
            return TCP;
        }
        return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }

    /** Returns the lower-case name engines use ({@code "tcp"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
