package io.p4n4.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.project.SecretKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {
    private final SecretGenerator generator = SecretGenerator.create();

    @Test
    void tokensAreUrlSafeBase64Of32Bytes() {
        String token = generator.value(SecretKind.TOKEN);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void hexIs32BytesLowerCase() {
        assertThat(generator.value(SecretKind.HEX)).matches("[0-9a-f]{64}");
    }

    @Test
    void valuesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(generator.value(SecretKind.TOKEN))).isTrue();
        }
    }

    @Test
    void externalAndPlainKindsAreNotGenerated() {
        assertThatThrownBy(() -> generator.value(SecretKind.EXTERNAL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.value(SecretKind.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskingRevealsNothing() {
        assertThat(Masking.mask("abcdefgh")).isEqualTo("****");
        assertThat(Masking.mask("a")).isEqualTo("****");
        assertThat(Masking.mask("")).isEqualTo("(empty)");
        assertThat(Masking.mask(null)).isEqualTo("(missing)");
    }
}
