package io.p4n4.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The start-up savings of the Docker transport set-up, without an engine. */
class DockerTransportsTest {

    @Test
    void theUnixSocketTlsContextRefusesEveryTlsUseNamingTheSocket() {
        SSLContext none = NoTlsContext.forUnixSocket("/run/docker.sock");
        assertThatThrownBy(none::getSocketFactory).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("/run/docker.sock").hasMessageContaining("tcp://");
        assertThatThrownBy(() -> none.createSSLEngine("h", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> none.init(null, null, null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyClientConfigHandsOutTheSameMapperSoDeserializersAreBuiltOnce() {
        DockerClientConfig a = SharedMapperConfig.of(config("unix:///a.sock"));
        DockerClientConfig b = SharedMapperConfig.of(config("unix:///b.sock"));
        assertThat(a.getObjectMapper()).isSameAs(b.getObjectMapper()).isSameAs(a.getObjectMapper());
        assertThat(config("unix:///a.sock").getObjectMapper()).as("docker-java's default: a copy per call")
                .isNotSameAs(config("unix:///a.sock").getObjectMapper());
    }

    @Test
    void theSharedConfigKeepsEverythingElseOfTheOriginal() {
        DockerClientConfig shared = SharedMapperConfig.of(config("unix:///a.sock"));
        assertThat(shared.getDockerHost()).isEqualTo(URI.create("unix:///a.sock"));
        assertThat(shared.getApiVersion().getVersion()).isEqualTo("1.41");
    }

    private static DockerClientConfig config(String host) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                .withDockerTlsVerify(false).withApiVersion("1.41").build();
    }
}
