package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void unknownOptionIsAUserError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--no-such-option"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void aNegativeDownTimeoutIsAUserErrorBeforeAnyEngineIsTried() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"down", "--timeout", "-1", "--engine", "docker", "-H",
            "unix:///nonexistent/p4n4.sock"}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout must be 0 or more seconds, not -1")
                .doesNotContain("nonexistent");
    }
}
