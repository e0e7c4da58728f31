package io.p4n4.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private final TemplateRenderer renderer = TemplateRenderer.create();

    @Test
    void rendersJinjaAndLeavesComposeVariablesAlone() {
        String out = renderer.render("t", "name: {{ project_slug }}-iot\n{% for s in stacks %}- {{ s }}\n{% endfor %}"
                + "x: ${VAR:-d} $$HOME\n", Map.of("project_slug", "demo", "stacks", java.util.List.of("iot", "ai")));
        assertThat(out).isEqualTo("name: demo-iot\n- iot\n- ai\nx: ${VAR:-d} $$HOME\n");
    }

    @Test
    void unknownVariablesFailNamingTheTemplate() {
        assertThatThrownBy(() -> renderer.render("iot/docker-compose.yml.j2", "a\n{{ nope }}", Map.of()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GENERAL);
                    assertThat(e.getMessage()).contains("iot/docker-compose.yml.j2").contains("nope");
                });
    }

    @Test
    void slugIsSafeForCompose() {
        assertThat(TemplateContext.of("My Demo!", "0.1.0").projectSlug()).isEqualTo("my-demo");
        assertThat(TemplateContext.of("***", "0.1.0").projectSlug()).isEqualTo("p4n4");
    }
}
