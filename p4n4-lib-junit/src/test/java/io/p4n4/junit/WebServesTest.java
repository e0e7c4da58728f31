package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ExecResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The README's example, run as written (engine AUTO: DOCKER_HOST from engines.env), plus what it shows. */
@Tag("engine")
@EnabledIfEnvironmentVariable(named = "DOCKER_HOST", matches = ".+",
        disabledReason = "run scripts/engines.sh start and source /tmp/p4n4-it/engines.env")
@P4n4Compose("src/test/resources/web.yml")
class WebServesTest {
    @Test
    void serves(ComposeEnvironment env) {
        ExecResult page = env.exec("web", "wget", "-qO-", "http://127.0.0.1:80/");
        assert page.succeeded() : env.logs("web");
        System.out.println("published on " + env.host("web", 80) + ":" + env.port("web", 80));
        assertThat(page.stdout()).isEqualTo("hello\n");
        assertThat(env.port("web", 80)).isPositive();
    }
}
