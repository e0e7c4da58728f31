package io.p4n4.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents are refused with an ENGINE error, never an OutOfMemoryError or a stack overflow. */
class HostileInputTest {
    @TempDir
    Path dir;

    private ComposeProject load(String yaml) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return loadFile(file);
    }

    private ComposeProject loadFile(Path file) {
        return ComposeLoader.load(LoadOptions.builder().file(file).environment(Map.of()).build());
    }

    private static void assertEngineError(Throwable t, String fragment) {
        assertThat(t).isInstanceOf(P4n4Exception.class);
        assertThat(((P4n4Exception) t).code()).isEqualTo(ErrorCode.ENGINE);
        assertThat(t).hasMessageContaining(fragment);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("x-a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("services:\n  web:\n    image: nginx\n");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml.toString()));
        assertEngineError(t, "YAML bomb");
    }

    @Test
    void recursiveAliasIsRefused() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load("x-a: &a [*a]\nservices: {}\n"));
        assertThat(t).isInstanceOf(P4n4Exception.class);
        assertThat(((P4n4Exception) t).code()).isEqualTo(ErrorCode.ENGINE);
    }

    @Test
    void tenMegabyteFileIsRefusedBeforeParsing() throws IOException {
        Path file = dir.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            out.write("services:\n  web:\n    image: nginx\n".getBytes(StandardCharsets.US_ASCII));
            for (int written = 0; written < 10 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> loadFile(file));
        assertEngineError(t, "bytes, more than");
        assertThat(t.getMessage()).startsWith(file.toString());
    }

    @Test
    void deeplyNestedFlowSequencesAreRefused() {
        String yaml = "x-deep: " + "[".repeat(100_000) + "]".repeat(100_000) + "\nservices: {}\n";
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
        assertThat(t).isInstanceOf(P4n4Exception.class);
        assertThat(((P4n4Exception) t).code()).isEqualTo(ErrorCode.ENGINE);
    }

    @Test
    void deeplyNestedBlockMappingsAreRefused() {
        StringBuilder yaml = new StringBuilder("services: {}\nx-deep:\n");
        for (int i = 1; i < 200; i++) {
            yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml.toString()));
        assertEngineError(t, "YAML");
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path file = dir.resolve("compose.yaml");
        byte[] head = "services:\n  web:\n    image: ngi".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        bytes[head.length + 1] = 'n';
        bytes[head.length + 2] = '\n';
        Files.write(file, bytes);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> loadFile(file));
        assertEngineError(t, "not valid UTF-8");
        assertThat(((InvalidFileException) t).line()).isEqualTo(3);
    }

    @Test
    void duplicateKeyNamesLineAndColumn() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("services:\n  web:\n    image: a\n    image: b\n"));
        assertEngineError(t, "duplicate key 'image'");
        assertThat(((InvalidFileException) t).line()).isEqualTo(4);
        assertThat(((InvalidFileException) t).column()).isEqualTo(5);
    }

    @Test
    void schemaViolationNamesLineColumnKeyAndRule() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("services:\n  web:\n    image: nginx\n    restart: always\n    privileged: [yes]\n"));
        assertEngineError(t, "[schema rule: type]");
        InvalidFileException e = (InvalidFileException) t;
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.key()).contains("services.web.privileged");
    }

    @Test
    void unknownServiceAttributeIsASchemaError() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("services:\n  web:\n    image: nginx\n    imagee: typo\n"));
        assertEngineError(t, "additionalProperties");
        assertThat(((InvalidFileException) t).line()).isEqualTo(4);
        assertThat(((InvalidFileException) t).key()).contains("services.web.imagee");
    }

    @Test
    void missingRequiredVariableIsAValidationErrorNamingVariableAndFile() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("services:\n  web:\n    image: ${TAG:?set TAG to the image tag}\n"));
        assertThat(t).isInstanceOf(InvalidFileException.class);
        assertThat(((P4n4Exception) t).code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(t).hasMessageContaining("TAG").hasMessageContaining("set TAG to the image tag")
                .hasMessageContaining(dir.resolve("compose.yaml").toString() + ":3:");
    }

    @Test
    void malformedTemplateIsAnEngineError() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("services:\n  web:\n    image: ${TAG\n"));
        assertEngineError(t, "services.web.image");
    }

    @Test
    void badPortNamesItsLocation() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("services:\n  web:\n    image: nginx\n    ports:\n      - \"80:http\"\n"));
        assertEngineError(t, "not a port number");
        assertThat(((InvalidFileException) t).key()).contains("services.web.ports");
    }

    @Test
    void extendsCycleIsPrinted() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(
                "services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: a\n"));
        assertEngineError(t, "extends cycle: ");
        assertThat(t.getMessage()).contains("#a -> ").contains("#b -> ");
    }

    @Test
    void includeCycleIsPrinted() throws IOException {
        Files.writeString(dir.resolve("other.yaml"), "include:\n  - compose.yaml\nservices: {}\n");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> load("include:\n  - other.yaml\nservices:\n  web:\n    image: nginx\n"));
        assertEngineError(t, "include cycle: ");
        assertThat(t.getMessage()).contains("compose.yaml -> ").contains("other.yaml -> ");
    }
}
