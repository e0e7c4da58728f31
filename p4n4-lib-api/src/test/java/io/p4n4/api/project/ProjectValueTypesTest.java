package io.p4n4.api.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectValueTypesTest {

    @Test
    void stackIdsSortInStartUpOrderThenByName() {
        List<StackId> sorted = List.of(StackId.of("zeta"), StackId.EDGE, StackId.of("alpha"), StackId.AI, StackId.IOT)
                .stream().sorted().toList();
        assertThat(sorted).extracting(StackId::value).containsExactly("iot", "ai", "edge", "alpha", "zeta");
        assertThatThrownBy(() -> StackId.of("Bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }

    @Test
    void generatedSecretsHaveNoDefaultAndRotateUnlessSetupOnly() {
        VariableDefinition token = VariableDefinition.secret("T", StackId.IOT, SecretKind.TOKEN, "t");
        assertThat(token.rotatable()).isTrue();
        assertThat(token.setupOnlySecret().rotatable()).isFalse();
        assertThat(token.optional().required()).isFalse();
        assertThat(VariableDefinition.setting("S", StackId.IOT, "x", "s").rotatable()).isFalse();
        assertThatThrownBy(() -> VariableDefinition.builder("T", StackId.IOT).kind(SecretKind.HEX)
                .defaultValue("dflt").build()).hasMessageContaining("no default");
    }

    @Test
    void stackUsingAnotherStacksVariableMustMarkItShared() {
        VariableDefinition own = VariableDefinition.setting("X", StackId.IOT, "1", "x");
        assertThatThrownBy(() -> StackDefinition.builder(StackId.AI).description("ai").variable(own).build())
                .hasMessageContaining("cross-stack");
        StackDefinition ai = StackDefinition.builder(StackId.AI).description("ai").variable(own.crossStackShared())
                .build();
        assertThat(ai.findVariable("X")).isPresent();
        assertThat(ai.findVariable("Y")).isEmpty();
    }

    @Test
    void stackFilesStayInsideTheStackFolder() {
        assertThatThrownBy(() -> StackFile.copy("../escape", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StackFile.copy("/abs", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StackFile("models", "r", StackFile.Kind.DIRECTORY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StackFile.directory("models").resource()).isNull();
    }

    @Test
    void reportCodeIsTheLowestErrorCodeAndWarningsNeverFail() {
        Path dir = Path.of("/p");
        Problem warning = Problem.warning("w", "careful").build();
        Problem validation = Problem.error("v", ErrorCode.VALIDATION, "missing").key("K").hint("set it").build();
        Problem user = Problem.error("u", ErrorCode.USER, "manifest").build();
        assertThat(new ValidationReport(dir, List.of(), List.of(warning)).errorCode()).isEqualTo(ErrorCode.OK);
        assertThat(new ValidationReport(dir, List.of(), List.of(warning)).ok()).isTrue();
        assertThat(new ValidationReport(dir, List.of(), List.of(validation, user)).errorCode()).isEqualTo(ErrorCode.USER);
        assertThat(user.hint()).isEmpty();
    }

    @Test
    void secretValuesNeverShowInToString() {
        GeneratedSecret s = new GeneratedSecret("TOKEN", StackId.IOT, SecretKind.TOKEN, "s3cr3t-value");
        RotationPlan plan = new RotationPlan(Path.of(".env"), List.of(s), List.of(), List.of());
        assertThat(s.toString()).doesNotContain("s3cr3t").contains("****");
        assertThat(plan.toString()).doesNotContain("s3cr3t").contains("TOKEN");
    }

    @Test
    void legacyManifestKeepsLayersAsWrittenAndExposesKnownStacks() {
        LegacyManifest m = new LegacyManifest(1, "p", List.of("edge", "bogus", "iot", "iot"), null);
        assertThat(m.layers()).containsExactly("edge", "bogus", "iot", "iot");
        assertThat(m.stacks()).containsExactly(StackId.IOT, StackId.EDGE);
        assertThat(m.legacy()).isTrue();
        assertThat(m.name()).isEqualTo("p");
    }
}
