package io.p4n4.api.spi;

import java.util.Objects;

/**
 * The outcome of probing a provider: usable, or not and why.
 *
 * @param available whether the engine answered
 * @param detail on success what answered ({@code "Docker Engine 20.10.24, API 1.41"}); otherwise why not,
 *               in words a user can act on
 */
public record Availability(boolean available, String detail) {

    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    /** The engine answered. */
    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    /** The engine is not usable, for the given reason. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
