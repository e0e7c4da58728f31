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
}
