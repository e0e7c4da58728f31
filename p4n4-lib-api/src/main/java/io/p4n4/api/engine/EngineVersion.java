package io.p4n4.api.engine;

import java.util.Objects;

/**
 * The version an engine reports, and the API version this client speaks with it.
 *
 * @param product the product ({@code "Docker Engine"}, {@code "Podman Engine"})
 * @param version the engine's version ({@code "20.10.24"}, {@code "4.3.1"})
 * @param serverApiVersion the highest API version the server offers ({@code "1.41"})
 * @param negotiatedApiVersion the API version requests use (the lower of client and server maximum)
 * @param os the engine host's operating system
 * @param architecture the engine host's CPU architecture
 */
public record EngineVersion(String product, String version, String serverApiVersion, String negotiatedApiVersion,
                            String os, String architecture) {

    public EngineVersion {
        Objects.requireNonNull(version, "version");
        product = product == null ? "" : product;
        serverApiVersion = serverApiVersion == null ? "" : serverApiVersion;
        negotiatedApiVersion = negotiatedApiVersion == null ? "" : negotiatedApiVersion;
        os = os == null ? "" : os;
        architecture = architecture == null ? "" : architecture;
    }
}
