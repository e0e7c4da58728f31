package io.p4n4.compose.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void secretFilesAreOwnerOnlyAndLeaveNoTempFileBehind() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "OLD=1\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFiles.writeSecretString(env, "NEW=2\n");

        assertThat(env).hasContent("NEW=2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(env);
        }
    }

    @Test
    void plainFilesAreReadableByAllSoContainersCanMountThem() throws Exception {
        Path conf = dir.resolve("mosquitto.conf");
        AtomicFiles.writeString(conf, "listener 1883\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-r--r--");
    }

    @Test
    void createsMissingParentDirectories() {
        Path nested = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(nested, "x");
        assertThat(nested).hasContent("x");
    }

    @Test
    void failureNamesTheFileAndKeepsTheOldContent() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "keep");
        // a directory cannot be replaced by a regular file
        Path target = dir.resolve("sub");
        Files.createDirectories(target.resolve("child"));
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(P4n4Exception.class)
                .hasMessageContaining(target.toString())
                .extracting(e -> ((P4n4Exception) e).code()).isEqualTo(ErrorCode.GENERAL);
        assertThat(blocker).hasContent("keep");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(blocker, target);
        }
    }
}
