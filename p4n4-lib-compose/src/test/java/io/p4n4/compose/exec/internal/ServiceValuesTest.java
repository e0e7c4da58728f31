package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Compose's byte sizes, CPUs and whole numbers, read as Docker Compose v2 (go-units, compose-go) reads them. */
class ServiceValuesTest {
    @TempDir
    Path dir;
    private ComposeService app;

    @BeforeEach
    void service() throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app:\n    image: busybox\n");
        app = ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo").environment(Map.of()).build())
                .service("app");
    }

    @ParameterizedTest
    @CsvSource({"512m, 536870912", "1g, 1073741824", "1.5g, 1610612736", "1GiB, 1073741824", "1gb, 1073741824",
            "64k, 65536", "'2 MB', 2097152", "100, 100", "100b, 100", "1t, 1099511627776", "0.5k, 512",
            "1.1k, 1126"})
    void sizeStringsAreBinaryUnitsTruncatedToWholeBytes(String text, long bytes) {
        assertThat(ServiceValues.bytes(app, "mem_limit", text, false)).isEqualTo(bytes);
    }

    @Test
    void wholeNumbersAreBytesAndMinusOneOnlyWhereAllowed() {
        assertThat(ServiceValues.bytes(app, "shm_size", 1024, false)).isEqualTo(1024);
        assertThat(ServiceValues.bytes(app, "memswap_limit", -1, true)).isEqualTo(-1);
        assertThat(ServiceValues.bytes(app, "memswap_limit", "-1", true)).isEqualTo(-1);
        assertThatThrownBy(() -> ServiceValues.bytes(app, "mem_limit", -1, false))
                .hasMessageContaining("mem_limit is '-1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12x", "1.2.3", "m", "-5m", "1 g b", ""})
    void badSizesNameTheServiceKeyAndValue(String text) {
        assertThatThrownBy(() -> ServiceValues.bytes(app, "mem_limit", text, false))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: mem_limit is '" + text + "'").hasMessageContaining("512m");
    }

    @Test
    void aFractionalNumberOfBytesIsRefusedRatherThanDroppedAsComposeDoes() {
        assertThatThrownBy(() -> ServiceValues.bytes(app, "shm_size", 1.5, false))
                .hasMessageContaining("shm_size is '1.5'");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 500000000", "1.5, 1500000000", "2, 2000000000", "0.1, 100000000", "0.01, 10000000",
            "'.25', 250000000"})
    void cpusAreNanoCpusInSinglePrecision(String text, long nanos) {
        assertThat(ServiceValues.nanoCpus(app, "cpus", text)).isEqualTo(nanos);
    }

    @Test
    void cpusAsNumbersAndBadCpus() {
        assertThat(ServiceValues.nanoCpus(app, "cpus", 1.5)).isEqualTo(1_500_000_000L);
        assertThat(ServiceValues.nanoCpus(app, "cpus", 3)).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> ServiceValues.nanoCpus(app, "deploy.resources.limits.cpus", "half"))
                .hasMessageContaining("service app: deploy.resources.limits.cpus is 'half'");
        assertThatThrownBy(() -> ServiceValues.nanoCpus(app, "cpus", "-1"))
                .hasMessageContaining("cpus is '-1'");
    }

    @Test
    void integersFromNumbersAndStrings() {
        assertThat(ServiceValues.integer(app, "pids_limit", "100")).isEqualTo(100);
        assertThat(ServiceValues.integer(app, "pids_limit", 100L)).isEqualTo(100);
        assertThat(ServiceValues.integer(app, "pids_limit", 100.0)).isEqualTo(100);
        assertThatThrownBy(() -> ServiceValues.integer(app, "pids_limit", "many"))
                .hasMessageContaining("pids_limit is 'many'; use a whole number");
    }
}
