package io.p4n4.api.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterpreterPlatformTest {

    @Test
    void theJvmsTheKernelsAndTheEnginesArchitectureNamesCompareEqual() {
        assertThat(InterpreterPlatform.normalizeArchitecture("x86_64")).isEqualTo("amd64");
        assertThat(InterpreterPlatform.normalizeArchitecture("AMD64")).isEqualTo("amd64");
        assertThat(InterpreterPlatform.normalizeArchitecture("aarch64")).isEqualTo("arm64");
        assertThat(InterpreterPlatform.normalizeArchitecture("armv7l")).isEqualTo("arm");
        assertThat(InterpreterPlatform.normalizeArchitecture("riscv64")).isEqualTo("riscv64");
    }

    @Test
    void aMatchingPlatformHasNoMismatch() {
        Topology pi = new Topology("pi-1", "aarch64", "linux", "podman");

        assertThat(new InterpreterPlatform("arm64", "podman", "Podman").mismatches(pi)).isEmpty();
        assertThat(InterpreterPlatform.anywhere("nothing").mismatches(pi)).isEmpty();
    }

    @Test
    void eachMismatchingFieldIsNamedWithWhatIsWantedAndWhatTheDeviceHas() {
        Topology pi = new Topology("pi-1", "aarch64", "linux", "podman");

        assertThat(new InterpreterPlatform("amd64", "docker", "Docker").mismatches(pi)).containsExactly(
                new InterpreterPlatform.Mismatch("architecture", "amd64", "arm64"),
                new InterpreterPlatform.Mismatch("runtime", "docker", "podman"));
        assertThat(new InterpreterPlatform(InterpreterPlatform.ANY, "docker", "Docker").mismatches(pi))
                .extracting(InterpreterPlatform.Mismatch::toString)
                .containsExactly("runtime: wants docker, the device has podman");
    }
}
