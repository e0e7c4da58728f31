package io.p4n4.compose.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
    private static final String DOCUMENT = String.join("\n",
            "# p4n4 project environment",
            "",
            "export INFLUX_USER=admin   # who logs in",
            "INFLUX_PASSWORD='old secret'",
            "   GRAFANA_PASSWORD: \"x\" # yaml style",
            "BARE",
            "QUOTED=\"q\"#junk",
            "EMPTY=",
            "",
            "# trailing comment",
            "");

    @TempDir
    Path dir;

    @Test
    void updateRewritesOnlyTheValueOfThatLine() {
        EnvFile env = EnvFile.parse(DOCUMENT, null).with("INFLUX_USER", "root");
        assertThat(env.render()).isEqualTo(DOCUMENT.replace("INFLUX_USER=admin   #", "INFLUX_USER=root   #"));
        assertThat(env.get("INFLUX_USER")).contains("root");
    }

    @Test
    void updatedValuesAreQuotedOnlyWhenNeeded() {
        EnvFile env = EnvFile.parse(DOCUMENT, null)
                .with("INFLUX_PASSWORD", "new$ecret with space")
                .with("GRAFANA_PASSWORD", "plain")
                .with("EMPTY", "a\"b\nc\\");
        assertThat(env.render().split("\n", -1))
                .contains("INFLUX_PASSWORD='new$ecret with space'", "   GRAFANA_PASSWORD: plain # yaml style",
                        "EMPTY=\"a\\\"b\\nc\\\\\"");
        assertThat(DotEnv.parse(env.render())).containsEntry("INFLUX_PASSWORD", "new$ecret with space")
                .containsEntry("GRAFANA_PASSWORD", "plain").containsEntry("EMPTY", "a\"b\nc\\");
    }

    @Test
    void quotedValueFollowedByTextStaysQuoted() {
        EnvFile env = EnvFile.parse(DOCUMENT, null).with("QUOTED", "v");
        assertThat(env.render()).contains("\nQUOTED='v'#junk\n");
        assertThat(env.get("QUOTED")).contains("v");
    }

    @Test
    void emptyValueBeforeAnInlineCommentIsQuoted() {
        EnvFile env = EnvFile.parse("A=x # note\n", null).with("A", "");
        assertThat(env.render()).isEqualTo("A='' # note\n");
        assertThat(env.get("A")).contains("");
    }

    @Test
    void bareKeyGetsAValueInPlace() {
        EnvFile env = EnvFile.parse(DOCUMENT, null).with("BARE", "1");
        assertThat(env.render()).contains("\nBARE=1\nQUOTED");
        assertThat(env.keys()).contains("BARE");
    }

    @Test
    void newKeysAreAppendedAndTheRestIsByteIdentical() {
        EnvFile env = EnvFile.parse(DOCUMENT, null).withAll(Map.of("NEW_KEY", "v 1"));
        assertThat(env.render()).isEqualTo(DOCUMENT + "NEW_KEY='v 1'\n");
    }

    @Test
    void appendKeepsCrlfAndAddsAMissingFinalLineBreak() {
        EnvFile env = EnvFile.parse("A=1\r\n# c", null).with("B", "2");
        assertThat(env.render()).isEqualTo("A=1\r\n# c\r\nB=2\r\n");
        assertThat(EnvFile.parse("A=1\r\nB=2\r\n", null).with("A", "x y").render()).isEqualTo("A='x y'\r\nB=2\r\n");
    }

    @Test
    void lastDefinitionIsTheOneUpdated() {
        EnvFile env = EnvFile.parse("A=1\nB=${A}\nA=2\n", null).with("A", "3");
        assertThat(env.render()).isEqualTo("A=1\nB=${A}\nA=3\n");
        assertThat(env.values()).containsExactly(Map.entry("A", "3"), Map.entry("B", "1"));
    }

    @Test
    void withoutRemovesEveryDefinitionAndItsInlineComment() {
        EnvFile env = EnvFile.parse(DOCUMENT, null).without("INFLUX_USER").without("GRAFANA_PASSWORD");
        assertThat(env.render()).isEqualTo(DOCUMENT.replace("export INFLUX_USER=admin   # who logs in\n", "")
                .replace("   GRAFANA_PASSWORD: \"x\" # yaml style\n", ""));
        assertThat(EnvFile.parse("A=1\nB=2\nA=3", null).without("A").render()).isEqualTo("B=2\n");
        assertThat(EnvFile.parse("A=\"x\"B=1\nC=2\n", null).without("B").render()).isEqualTo("A=\"x\"\nC=2\n");
        assertThat(EnvFile.parse("A=\"x\"B=1\nC=2\n", null).without("A").render()).isEqualTo("B=1\nC=2\n");
        EnvFile same = EnvFile.parse(DOCUMENT, null);
        assertThat(same.without("NOT_THERE")).isSameAs(same);
    }

    @Test
    void multiLineValueIsReplacedWhole() {
        EnvFile env = EnvFile.parse("A='line1\nline2' # c\nB=2\n", null).with("A", "one");
        assertThat(env.render()).isEqualTo("A=one # c\nB=2\n");
        assertThat(EnvFile.parse("A='line1\nline2' # c\nB=2\n", null).without("A").render()).isEqualTo("B=2\n");
    }

    @Test
    void unexpandableValuesKeepTheirRawText() {
        EnvFile env = EnvFile.parse("URL=${HOST:?required}/x\n", null);
        assertThat(env.get("URL")).contains("${HOST:?required}/x");
    }

    @Test
    void bomIsKept() {
        assertThat(EnvFile.parse("\uFEFFA=1\n", null).with("A", "2").render()).isEqualTo("\uFEFFA=2\n");
    }

    @Test
    void toStringShowsKeysNeverValues() {
        EnvFile env = EnvFile.parse("TOKEN=s3cr3t-value\n", Path.of("p/.env"));
        assertThat(env.toString()).contains("TOKEN").contains("p/.env").doesNotContain("s3cr3t");
    }

    @Test
    void invalidKeysAndValuesAreRejectedWithoutShowingTheValue() {
        EnvFile env = EnvFile.empty();
        assertThatThrownBy(() -> env.with("BAD KEY", "v"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
        assertThatThrownBy(() -> env.with("", "v")).isInstanceOf(P4n4Exception.class);
        assertThatThrownBy(() -> env.with("K", "secret\uD800"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void missingFileReadsAsEmptyAndWriteCreatesItWithMode0600() throws IOException {
        Path file = dir.resolve("sub/.env");
        EnvFile env = EnvFile.read(file);
        assertThat(env.keys()).isEmpty();
        env.with("TOKEN", "abc").write(file);
        assertThat(Files.readString(file)).isEqualTo("TOKEN=abc\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EnvFile.read(file).get("TOKEN")).contains("abc");
    }

    @Test
    void writeTightensAnExistingWorldReadableFile() throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), "A=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        EnvFile.read(file).with("A", "2").write(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("A=2\n");
    }

    @Test
    void failedWriteLeavesTheOldFile() throws IOException {
        // a name so long that the temporary file beside it cannot be created, even for root
        Path file = dir.resolve("e".repeat(250));
        Files.writeString(file, "A=old\n");
        EnvFile changed = EnvFile.read(file).with("A", "new");
        assertThatThrownBy(() -> changed.write(file)).isInstanceOfSatisfying(P4n4Exception.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.GENERAL));
        assertThat(Files.readString(file)).isEqualTo("A=old\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void withAllKeepsMapOrderForNewKeys() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("B", "2");
        values.put("A", "1");
        assertThat(EnvFile.empty().withAll(values).render()).isEqualTo("B=2\nA=1\n");
    }
}
