package io.p4n4.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mount options are checked when built, and each belongs to one mount type. */
class MountOptionsTest {

    @Test
    void optionsOfAnotherMountTypeAreRefusedNamingTheMount() {
        assertThatThrownBy(() -> Mount.volume("data", "/data").withOptions(MountOptions.NONE.withSelinuxLabel("z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume mount on /data");
        assertThatThrownBy(() -> Mount.bind("/srv", "/srv").withOptions(MountOptions.NONE.withNoCopy(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nocopy is for volume mounts");
        assertThatThrownBy(() -> Mount.volume("data", "/data").withOptions(MountOptions.NONE.withTmpfsSize(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tmpfs mounts");
    }

    @Test
    void badValuesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> MountOptions.NONE.withPropagation("sideways"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sideways'");
        assertThatThrownBy(() -> MountOptions.NONE.withSelinuxLabel("y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'");
        assertThatThrownBy(() -> MountOptions.NONE.withTmpfsSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> MountOptions.NONE.withTmpfsMode(010000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
    }

    @Test
    void readOnlyKeepsTheOptionsAndTheFourPartConstructorHasNone() {
        MountOptions z = MountOptions.NONE.withSelinuxLabel("Z").withPropagation("rslave");
        assertThat(Mount.bind("/srv", "/srv").withOptions(z).asReadOnly().options()).isEqualTo(z);
        assertThat(new Mount(MountType.TMPFS, "", "/t", false).options()).isEqualTo(MountOptions.NONE);
    }
}
