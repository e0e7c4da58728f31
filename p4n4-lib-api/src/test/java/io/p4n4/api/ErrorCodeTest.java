package io.p4n4.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void exitCodesFollowTheTaxonomy() {
        assertThat(ErrorCode.values()).extracting(ErrorCode::exitCode)
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void anExceptionCannotCarryOk() {
        assertThatThrownBy(() -> new P4n4Exception(ErrorCode.OK, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidFileMessageNamesFileLineColumnAndKey() {
        InvalidFileException e = new InvalidFileException(ErrorCode.VALIDATION, Path.of("a/.env"), 3, 7,
                "FOO", "unterminated quoted value; close the quote", null);
        assertThat(e.getMessage()).isEqualTo("a/.env:3:7 [FOO]: unterminated quoted value; close the quote");
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("FOO");
    }

    @Test
    void invalidFileWithoutFileSaysInput() {
        InvalidFileException e = new InvalidFileException(ErrorCode.USER, null, 0, 0, null, "empty", null);
        assertThat(e.getMessage()).isEqualTo("<input>: empty");
        assertThat(e.file()).isEmpty();
    }
}
