package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    @Test
    void serverMessageKeepsQuotedValues() {
        RuntimeException e = new InternalServerErrorException(
                "{\"message\":\"invalid --security-opt 2: \\\"p4n4-nonsense=1\\\"\"}");
        assertThat(DockerErrors.serverMessage(e)).isEqualTo("invalid --security-opt 2: \"p4n4-nonsense=1\"");
    }

    @Test
    void serverMessageWithoutJsonIsKept() {
        assertThat(DockerErrors.serverMessage(new InternalServerErrorException("plain text")))
                .isEqualTo("plain text");
    }
}
