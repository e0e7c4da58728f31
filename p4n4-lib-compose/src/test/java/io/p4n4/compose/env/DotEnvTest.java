package io.p4n4.compose.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
    @TempDir
    Path dir;

    @Test
    void keepsFileOrder() {
        assertThat(DotEnv.parse("Z=1\nA=2\nM=3\nA=4").keySet()).containsExactly("Z", "A", "M");
    }

    @Test
    void malformedLineNamesFileLineColumnAndKey() {
        Path file = dir.resolve("x.env");
        assertThatThrownBy(() -> DotEnv.parse("# c\nA=1\n  BAD KEY=2\n", file, null))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.file()).contains(file);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.key()).contains("BAD KEY");
                    assertThat(e.getMessage()).startsWith(file + ":3:3 [BAD KEY]: line 3: key cannot contain a space");
                });
    }

    @Test
    void unexpectedCharacterPointsAtIt() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\nAB$C=secret-value\n"))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("<input>:2:3: line 2: unexpected character \"$\" in variable"
                            + " name \"AB$C\"");
                });
    }

    @Test
    void errorsNeverQuoteTheValue() {
        assertThatThrownBy(() -> DotEnv.parse("PASSWORD=\"hunter2-secret\nB=1"))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("hunter2").contains("unterminated quoted value");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.key()).contains("PASSWORD");
                });
        assertThatThrownBy(() -> DotEnv.parse("PASSWORD=hunter2${-secret"))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("hunter2").contains("$$");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void missingRequiredVariableInAValueNamesIt() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\nURL=http://${HOST:?set the host}\n"))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.key()).contains("URL");
                    assertThat(e.getMessage()).contains("required variable HOST is missing a value: set the host");
                });
    }

    @Test
    void bomDoesNotShiftColumns() {
        assertThatThrownBy(() -> DotEnv.parse("\uFEFFA B=1"))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.column()).isEqualTo(1));
    }

    @Test
    void readSkipsBomAndExpandsFromLookupFirst() throws IOException {
        Path file = dir.resolve(".env");
        Files.write(file, "\uFEFFHOST=file\nURL=\"http://${HOST}\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(DotEnv.read(file, Map.of("HOST", "env")::get))
                .containsExactly(Map.entry("HOST", "file"), Map.entry("URL", "http://env"));
    }

    @Test
    void missingFileIsAUserError() {
        Path file = dir.resolve("nope.env");
        assertThatThrownBy(() -> DotEnv.read(file, null))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).startsWith(file + ": not found");
                });
        assertThatThrownBy(() -> DotEnv.readAll(List.of(file), null)).isInstanceOf(InvalidFileException.class);
    }

    @Test
    void directoryIsAUserError() {
        assertThatThrownBy(() -> DotEnv.read(dir, null))
                .isInstanceOfSatisfying(InvalidFileException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.USER));
    }

    @Test
    void invalidUtf8IsRejected() throws IOException {
        Path file = Files.write(dir.resolve("bad.env"), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> DotEnv.read(file, null))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.getMessage()).contains("not valid UTF-8");
                });
    }

    @Test
    void readAllLetsLaterFilesOverrideAndSeeEarlierOnes() throws IOException {
        Path a = Files.writeString(dir.resolve("a.env"), "A=1\nB=${A}\n");
        Path b = Files.writeString(dir.resolve("b.env"), "A=2\nC=${A}\nA\n");
        assertThat(DotEnv.readAll(List.of(a, b), null))
                .containsExactly(Map.entry("A", "2"), Map.entry("B", "1"), Map.entry("C", "2"));
        assertThat(DotEnv.readAll(List.of(a, b), Map.of("A", "os")::get))
                .containsExactly(Map.entry("A", "os"), Map.entry("B", "os"), Map.entry("C", "os"));
    }

    @Test
    void bareKeyAtEndOfTextWithoutNewlineBecomesValueOfEmptyKeyLikeComposeGo() {
        assertThat(DotEnv.parse("A=1\nB")).containsExactly(Map.entry("A", "1"), Map.entry("", "B"));
    }

    @Test
    void manyCommentLinesDoNotRecurse() {
        String text = "# comment\n".repeat(200_000) + "A=1\n";
        assertThat(DotEnv.parse(text)).containsExactly(Map.entry("A", "1"));
    }

    @Test
    void octalAndUnknownEscapesInDoubleQuotes() {
        assertThat(DotEnv.parse("A=\"\\0101\\0\\0777\\c\\q\\'\"")).containsEntry("A", "A\\\\777\\c\\q\\'");
    }

    @Test
    void doublingValuesAreRefusedInsteadOfExhaustingMemory() {
        StringBuilder bomb = new StringBuilder("V0=" + "x".repeat(64) + "\n");
        for (int i = 1; i < 40; i++) {
            bomb.append("V").append(i).append("=${V").append(i - 1).append("}${V").append(i - 1).append("}\n");
        }
        assertThatThrownBy(() -> DotEnv.parse(bomb.toString()))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.getMessage()).contains("longer than 4194304 characters").doesNotContain("xxxx");
                    assertThat(e.line()).isEqualTo(18);
                });
    }

    @Test
    void manyCopiesOfALargeValueAreRefused() {
        StringBuilder text = new StringBuilder("BIG=" + "x".repeat(1 << 20) + "\n");
        for (int i = 0; i < 20; i++) {
            text.append("COPY").append(i).append("=${BIG}\n");
        }
        assertThatThrownBy(() -> DotEnv.parse(text.toString()))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> {
                    assertThat(e.getMessage()).contains("more than 16777216 characters longer");
                    assertThat(e.key()).contains("COPY16");
                });
    }
}
