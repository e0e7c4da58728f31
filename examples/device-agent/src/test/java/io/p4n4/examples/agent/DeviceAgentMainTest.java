package io.p4n4.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceAgentMainTest {

    @TempDir
    Path dir;

    @Test
    void badConfigExitsWithTheUserCode() throws Exception {
        Path config = dir.resolve("bad.toml");
        Files.writeString(config, "[agent]\n");
        assertThat(DeviceAgentMain.run(new String[] {"--config", config.toString()}))
                .isEqualTo(ErrorCode.USER.exitCode());
    }
}
