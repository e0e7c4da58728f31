package io.p4n4.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void removeContainerOptionsStartSafeAndAddForceAndVolumes() {
        assertThat(RemoveContainerOptions.defaults().force()).isFalse();
        assertThat(RemoveContainerOptions.defaults().anonymousVolumes()).isFalse();

        RemoveContainerOptions all = RemoveContainerOptions.forced().withAnonymousVolumes();
        assertThat(all.force()).isTrue();
        assertThat(all.anonymousVolumes()).isTrue();
        assertThat(RemoveContainerOptions.forced().anonymousVolumes()).isFalse();
        assertThat(all).isEqualTo(RemoveContainerOptions.defaults().withAnonymousVolumes().withForce())
                .hasSameHashCodeAs(RemoveContainerOptions.defaults().withAnonymousVolumes().withForce())
                .isNotEqualTo(RemoveContainerOptions.forced());
    }

    @Test
    void removeVolumeOptionsForceOnlyWhenAsked() {
        assertThat(RemoveVolumeOptions.defaults().force()).isFalse();
        assertThat(RemoveVolumeOptions.forced().force()).isTrue();
        assertThat(RemoveVolumeOptions.forced()).isNotEqualTo(RemoveVolumeOptions.defaults());
    }

    @Test
    void containerFilterSaysWhetherStoppedContainersAreListed() {
        LabelFilter mine = LabelFilter.of("io.p4n4.test", "run-1");

        assertThat(ContainerFilter.all(mine).includeStopped()).isTrue();
        assertThat(ContainerFilter.running(mine).includeStopped()).isFalse();
        assertThat(ContainerFilter.all(mine).labels()).isEqualTo(mine);
        assertThat(ContainerFilter.all(mine)).isEqualTo(ContainerFilter.all(LabelFilter.of("io.p4n4.test", "run-1")))
                .isNotEqualTo(ContainerFilter.running(mine));
        assertThat(ContainerFilter.running(mine)).hasToString("ContainerFilter[labels=[io.p4n4.test=run-1], running]");
    }

    @Test
    void mountsAreReadWriteUnlessMadeReadOnly() {
        Mount data = Mount.volume("data", "/data");

        assertThat(data.readOnly()).isFalse();
        assertThat(data.asReadOnly()).isEqualTo(new Mount(MountType.VOLUME, "data", "/data", true));
        assertThat(Mount.bind("/srv", "/host").asReadOnly().readOnly()).isTrue();
    }

    @Test
    void logOptionsSelectStreamsByName() {
        LogOptions errors = LogOptions.ALL.withStreams(LogStream.STDERR);

        assertThat(errors.stderr()).isTrue();
        assertThat(errors.stdout()).isFalse();
        assertThat(errors.withStreams(LogStream.STDOUT, LogStream.STDERR)).isEqualTo(LogOptions.ALL);
    }
}
