package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreateWarningsTest {

    @Test
    void warningsThatDropASettingAreFound() {
        String oom = "Your kernel does not support OomKillDisable. OomKillDisable discarded.";
        String swap = "Your kernel does not support swap limit capabilities or the cgroup is not mounted. "
                + "Memory limited without swap.";
        String cpu = "Your kernel does not support CPU cfs period/quota or the cgroup is not mounted. Period/quota discarded.";
        String harmless = "IPv4 forwarding is disabled. Networking will not work.";
        assertThat(CreateWarnings.droppedSettings(new String[] {oom, swap, cpu, harmless}))
                .containsExactly(oom, swap, cpu);
    }

    @Test
    void noWarningsDropNothing() {
        assertThat(CreateWarnings.droppedSettings(null)).isEmpty();
        assertThat(CreateWarnings.droppedSettings(new String[0])).isEmpty();
    }
}
