package io.p4n4.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.api.template.PullReport;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.template.PreparedTemplate;
import io.p4n4.core.template.TemplateRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each official community template, pulled by the registry from {@code community-templates/} into a fresh
 * project with the stacks it requires, at this library's own version (0.2.0, which their
 * {@code requires.cli = ">=0.2.0"} asks for): the result validates, and its flows are merged.
 */
class CommunityTemplatesPullTest {
    @TempDir
    Path tmp;

    private URI registry() {
        return CommunityTemplates.root().toAbsolutePath().normalize().toUri();
    }

    @ParameterizedTest
    @CsvSource({"iot-minimal, iot", "greenhouse-control, iot ai", "factory-baseline, iot ai edge"})
    void pullsIntoAFreshProjectThatThenValidates(String name, String stacks) throws Exception {
        List<StackId> ids = java.util.Arrays.stream(stacks.split(" ")).map(StackId::of).toList();
        Path dir = tmp.resolve(name);
        P4n4.projects().init(InitOptions.of(dir, ids));
        TemplateRegistry templates = TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache")).build();
        PullReport report;
        try (PreparedTemplate t = templates.prepare(List.of(registry()), name)) {
            report = templates.pull(t, dir, Map.of(), false);
        }

        assertThat(report.conflicts()).isEmpty();
        assertThat(report.merged()).contains(Path.of("stacks/iot/config/node-red/flows.json"));
        assertThat(Files.readString(dir.resolve("stacks/iot/config/node-red/flows.json")))
                .contains("\"" + name + "-");
        assertThat(dir.resolve("docs/" + name + ".md")).isRegularFile();
        assertThat(P4n4.projects().open(dir).validate().problems()).isEmpty();
        assertThat(Files.readString(dir.resolve(".p4n4.json"))).contains(name + "@1.0.0");
    }

    @Test
    void aCliOlderThanTheTemplatesRequireIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path dir = tmp.resolve("old");
        P4n4.projects().init(InitOptions.of(dir, List.of(StackId.IOT)));
        String flows = Files.readString(dir.resolve("stacks/iot/config/node-red/flows.json"));
        TemplateRegistry old = TemplateRegistry.builder().cacheDirectory(tmp.resolve("cache")).cliVersion("0.1.9")
                .build();
        assertThatThrownBy(() -> {
            try (PreparedTemplate t = old.prepare(List.of(registry()), "iot-minimal")) {
                old.pull(t, dir, Map.of(), false);
            }
        }).isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COMPATIBILITY))
                .hasMessageContaining(">=0.2.0");
        assertThat(Files.readString(dir.resolve("stacks/iot/config/node-red/flows.json"))).isEqualTo(flows);
        assertThat(dir.resolve("docs")).doesNotExist();
    }
}
