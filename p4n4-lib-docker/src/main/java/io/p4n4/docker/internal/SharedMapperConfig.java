package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientConfigDelegate;

/**
 * docker-java's client configuration with one {@link ObjectMapper} for the whole process. docker-java's
 * default hands every client a fresh copy of its mapper, and a copy starts with an empty deserializer
 * cache, so each client (three per engine) rebuilt the deserializers of the same model classes: about a
 * third of the CLI's start-up on Docker. The mapper is configured once by docker-java and never changed
 * afterwards, which makes sharing it thread-safe.
 */
final class SharedMapperConfig extends DockerClientConfigDelegate {
    private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

    private SharedMapperConfig(DockerClientConfig original) {
        super(original);
    }

    /** {@code original}, answering {@link #getObjectMapper()} with the process-wide mapper. */
    static DockerClientConfig of(DockerClientConfig original) {
        return new SharedMapperConfig(original);
    }

    @Override
    public ObjectMapper getObjectMapper() {
        return MAPPER;
    }
}
