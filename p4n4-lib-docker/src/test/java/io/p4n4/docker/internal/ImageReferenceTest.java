package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void cutsRepositoryAndTagIncludingRegistryPorts() {
        assertThat(ImageReference.parse("eclipse-mosquitto:2")).isEqualTo(new ImageReference("eclipse-mosquitto", "2"));
        assertThat(ImageReference.parse("localhost:5000/a/b:1")).isEqualTo(new ImageReference("localhost:5000/a/b", "1"));
        assertThat(ImageReference.parse("localhost:5000/a/b")).isEqualTo(new ImageReference("localhost:5000/a/b", "latest"));
        assertThat(ImageReference.parse("busybox@sha256:abc").tag()).isNull();
    }
}
