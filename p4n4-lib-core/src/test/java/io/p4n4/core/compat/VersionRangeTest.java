package io.p4n4.core.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import org.junit.jupiter.api.Test;

class VersionRangeTest {
    @Test
    void everyConditionMustHoldComparingNumberByNumber() {
        VersionRange r = VersionRange.parse(">=0.1.0 <1.0.0");
        assertThat(r.contains("0.1.0")).isTrue();
        assertThat(r.contains("0.10.3")).isTrue();
        assertThat(r.contains("0.0.9")).isFalse();
        assertThat(r.contains("1.0.0")).isFalse();
        assertThat(r.contains(" 0.2 ")).as("missing numbers count as 0, blanks are trimmed").isTrue();
        assertThat(r).hasToString(">=0.1.0 <1.0.0").isEqualTo(VersionRange.parse(" >=0.1.0 <1.0.0"))
                .hasSameHashCodeAs(VersionRange.parse(">=0.1.0 <1.0.0"));
    }

    @Test
    void engineVersionsWithSuffixesCompareByTheirNumbers() {
        VersionRange docker = VersionRange.parse(">=20.10");
        assertThat(docker.contains("20.10.24+dfsg1")).isTrue();
        assertThat(docker.contains("20.9.9")).isFalse();
        assertThat(docker.contains("v24.0.7")).isTrue();
        assertThat(docker.contains("dev")).as("no number: not in any range").isFalse();
        assertThat(VersionRange.parse("==4.3 <=4.3 >4.2").contains("4.3.0")).isTrue();
        assertThat(VersionRange.parse(">4.3").contains("4.3.0")).isFalse();
    }

    @Test
    void aPartThatIsNotAConditionIsAUserErrorNamingIt() {
        assertThatThrownBy(() -> VersionRange.parse(">=0.1.0 ~1.0")).isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("'~1.0' is not a condition").hasMessageContaining(">=0.1.0 <1.0.0");
        assertThatThrownBy(() -> VersionRange.parse(">=x")).isInstanceOf(P4n4Exception.class);
        assertThatThrownBy(() -> VersionRange.parse(">=99999999999")).isInstanceOf(P4n4Exception.class);
    }
}
