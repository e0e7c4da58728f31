package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.engine.ContainerFile;
import io.p4n4.api.engine.ContainerFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** The api's {@link ContainerFiles#tar} as a real tar reader (commons-compress, as docker-java) reads it. */
class ContainerFilesTarTest {

    @Test
    void entriesCarryPathOwnerModeAndContentWithoutDirectories() throws IOException {
        byte[] tar = ContainerFiles.tar(List.of(
                ContainerFile.of("/run/secrets/token", "s3cret".getBytes(StandardCharsets.UTF_8), 1000, 1001, 0440),
                ContainerFile.of("/app.yml", new byte[0], 0, 0, 0644)));
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry first = in.getNextEntry();
            assertThat(first.getName()).isEqualTo("run/secrets/token");
            assertThat(first.isFile()).isTrue();
            assertThat(first.getLongUserId()).isEqualTo(1000);
            assertThat(first.getLongGroupId()).isEqualTo(1001);
            assertThat(first.getMode() & 07777).isEqualTo(0440);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
            TarArchiveEntry second = in.getNextEntry();
            assertThat(second.getName()).isEqualTo("app.yml");
            assertThat(second.getMode() & 07777).isEqualTo(0644);
            assertThat(second.getSize()).isZero();
            assertThat(in.getNextEntry()).isNull();
        }
    }

    @Test
    void aLongPathIsSplitIntoPrefixAndNameAndATooLongOneIsRefused() throws IOException {
        String dir = "/" + "d".repeat(90) + "/" + "e".repeat(40);
        String path = dir + "/" + "f".repeat(60);
        byte[] tar = ContainerFiles.tar(List.of(ContainerFile.of(path, new byte[] {'x'}, 0, 0, 0400)));
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry only = in.getNextEntry();
            assertThat(only.getName()).isEqualTo(path.substring(1));
            assertThat(in.readAllBytes()).containsExactly('x');
            assertThat(in.getNextEntry()).isNull();
        }
        assertThatThrownBy(() -> ContainerFiles.tar(List.of(ContainerFile.of("/" + "g".repeat(101), new byte[0], 0,
                0, 0400)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }
}
