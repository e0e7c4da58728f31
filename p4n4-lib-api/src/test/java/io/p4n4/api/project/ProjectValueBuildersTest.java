package io.p4n4.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Problem and VariableDefinition are built with builders; unset parts get the documented defaults. */
class ProjectValueBuildersTest {

    @Test
    void aProblemKeepsWhereItWasFoundAndWarningsCarryOk() {
        Problem error = Problem.error("env.invalid", ErrorCode.VALIDATION, "bad line").file(Path.of(".env")).line(3)
                .key("TZ").build();
        Problem warning = Problem.warning("env.permissions", "readable by others").build();

        assertThat(error.isError()).isTrue();
        assertThat(error.findFile()).contains(Path.of(".env"));
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.findKey()).contains("TZ");
        assertThat(error.hint()).isEmpty();
        assertThat(warning.errorCode()).isEqualTo(ErrorCode.OK);
        assertThat(warning.findFile()).isEmpty();
        assertThat(error).isEqualTo(Problem.error("env.invalid", ErrorCode.VALIDATION, "bad line")
                .file(Path.of(".env")).line(3).key("TZ").hint("").build());
    }

    @Test
    void aVariableIsARequiredPlainSettingUnlessToldOtherwise() {
        VariableDefinition key = VariableDefinition.builder("EI_API_KEY", StackId.EDGE).build();

        assertThat(key.required()).isTrue();
        assertThat(key.kind()).isEqualTo(SecretKind.NONE);
        assertThat(key.defaultValue()).isEmpty();
        assertThat(key.crossStack()).isFalse();
        assertThat(key.toBuilder().required(false).kind(SecretKind.EXTERNAL).build())
                .isEqualTo(key.optional().toBuilder().kind(SecretKind.EXTERNAL).build());
    }
}
