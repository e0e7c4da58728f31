package io.p4n4.api.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A backend written against the core alone (as one outside this library would be) compiles, and its
 * optional operations refuse with an ENGINE error naming the engine and the operation.
 */
class OptionalOperationsTest {

    private final ContainerEngine engine = new CoreOnlyEngine();

    @Test
    void aCoreOnlyBackendListsNoCapabilities() {
        assertThat(engine.capabilities()).isEmpty();
        for (EngineCapability c : EngineCapability.values()) {
            assertThat(engine.supports(c)).as(c.name()).isFalse();
        }
    }

    @Test
    void everyOptionalOperationRefusesNamingTheEngineTheOperationAndTheResource() {
        assertRefused(() -> engine.tagImage("busybox:1", "x:1"), EngineCapability.TAG, "busybox:1");
        assertRefused(() -> engine.buildImage(BuildSpec.of(Path.of("ctx"), "app:1"), line -> { }),
                EngineCapability.BUILD, "app:1");
        assertRefused(() -> engine.connectNetwork("web", NetworkAttachment.of("net")),
                EngineCapability.NETWORK_CONNECT, "web");
        assertRefused(() -> engine.killContainer("web", "SIGKILL"), EngineCapability.KILL, "web");
        assertRefused(() -> engine.streamLogs("web", LogOptions.ALL, line -> { }), EngineCapability.LOG_STREAMING,
                "web");
        assertRefused(() -> engine.exec("web", List.of("true")), EngineCapability.EXEC, "web");
        assertRefused(() -> engine.exec("web", List.of("true"), ExecOptions.defaults()), EngineCapability.EXEC, "web");
        assertRefused(() -> engine.exec("web", List.of("true"), ExecOptions.defaults().withUser("1000")),
                EngineCapability.EXEC_OPTIONS, "web");
        assertRefused(() -> engine.events(EventFilter.containers(LabelFilter.ANY), e -> { }), EngineCapability.EVENTS,
                null);
    }

    @Test
    void theRefusalSaysWhatToDo() {
        assertThatThrownBy(() -> engine.exec("web", List.of("true")))
                .hasMessage("core-only does not support running commands in containers (capability EXEC, asked for"
                        + " web): its backend leaves this optional operation out; check"
                        + " ContainerEngine.capabilities() first, or use an engine that has it");
    }

    private static void assertRefused(ThrowingCallable call, EngineCapability capability, String resource) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
            assertThat(e.engine()).contains("core-only");
            assertThat(e.resource()).isEqualTo(Optional.ofNullable(resource));
            assertThat(e.getMessage()).startsWith("core-only does not support " + capability.operation())
                    .contains("capability " + capability.name());
        });
    }

    /** Implements exactly the abstract methods; none of them is called by these tests. */
    private static final class CoreOnlyEngine implements ContainerEngine {
        @Override
        public String id() {
            return "core-only";
        }

        @Override
        public URI endpoint() {
            return URI.create("unix:///nowhere.sock");
        }

        @Override
        public void ping() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineVersion version() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<EngineCapability> capabilities() {
            return Set.of();
        }

        @Override
        public Optional<ImageInfo> findImage(String image) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void pullImage(String image, PullListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NetworkInfo createNetwork(NetworkSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<NetworkInfo> findNetwork(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<NetworkInfo> listNetworks(LabelFilter labels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeNetwork(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VolumeInfo createVolume(VolumeSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VolumeInfo> findVolume(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<VolumeInfo> listVolumes(LabelFilter labels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeVolume(String name, RemoveVolumeOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String createContainer(ContainerSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void startContainer(String container) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopContainer(String container, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeContainer(String container, RemoveContainerOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ContainerInfo> findContainer(String container) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ContainerSummary> listContainers(ContainerFilter filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LogLine> logs(String container, LogOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContainerHealth runHealthcheck(String container) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
