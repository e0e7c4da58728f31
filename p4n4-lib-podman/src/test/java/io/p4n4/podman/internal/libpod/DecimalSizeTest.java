package io.p4n4.podman.internal.libpod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalSizeTest {

    @Test
    void readsDecimalUnitsAsGoUnitsDoes() {
        assertThat(DecimalSize.find("1m")).contains(1_000_000L);
        assertThat(DecimalSize.find("10MB")).contains(10_000_000L);
        assertThat(DecimalSize.find("1.5g")).contains(1_500_000_000L);
        assertThat(DecimalSize.find("512")).contains(512L);
        assertThat(DecimalSize.find("2 kb")).contains(2_000L);
        assertThat(DecimalSize.find("lots")).isEmpty();
    }
}
