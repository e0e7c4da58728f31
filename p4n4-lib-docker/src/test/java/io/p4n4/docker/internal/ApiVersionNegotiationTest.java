package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiVersionNegotiationTest {

    @Test
    void speaksTheServersVersionWhenItIsOlder() {
        assertThat(ApiVersionNegotiation.negotiate("1.41")).isEqualTo("1.41");
    }

    @Test
    void capsAtTheClientMaximumWhenTheServerIsNewer() {
        assertThat(ApiVersionNegotiation.negotiate("1.52")).isEqualTo("1.44");
        assertThat(ApiVersionNegotiation.negotiate("1.44")).isEqualTo("1.44");
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertThat(ApiVersionNegotiation.compare("1.9", "1.41")).isNegative();
        assertThat(ApiVersionNegotiation.negotiate("1.9")).isEqualTo("1.9");
        assertThat(ApiVersionNegotiation.negotiate("")).isEqualTo("1.44");
    }
}
