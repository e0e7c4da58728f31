package io.p4n4.it.compose;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineInfo;
import io.p4n4.api.engine.EngineVersion;
import io.p4n4.api.engine.ImageInfo;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.PullListener;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.api.engine.VolumeSpec;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A backend written against the core of {@link ContainerEngine} alone, as one outside this library might be:
 * it implements only the abstract methods (on a real engine) and inherits the refusing defaults of every
 * optional operation. Only the trait of running healthchecks is passed on from the real engine.
 */
final class CoreOnlyEngine implements ContainerEngine {
    private final ContainerEngine real;

    CoreOnlyEngine(ContainerEngine real) {
        this.real = real;
    }

    @Override
    public String id() {
        return real.id();
    }

    @Override
    public URI endpoint() {
        return real.endpoint();
    }

    @Override
    public void ping() {
        real.ping();
    }

    @Override
    public EngineVersion version() {
        return real.version();
    }

    @Override
    public EngineInfo info() {
        return real.info();
    }

    @Override
    public Set<EngineCapability> capabilities() {
        Set<EngineCapability> traits = EnumSet.noneOf(EngineCapability.class);
        if (real.supports(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE)) {
            traits.add(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE);
        }
        return traits;
    }

    @Override
    public Optional<ImageInfo> findImage(String image) {
        return real.findImage(image);
    }

    @Override
    public void pullImage(String image, PullListener listener) {
        real.pullImage(image, listener);
    }

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        return real.createNetwork(spec);
    }

    @Override
    public Optional<NetworkInfo> findNetwork(String name) {
        return real.findNetwork(name);
    }

    @Override
    public List<NetworkInfo> listNetworks(LabelFilter labels) {
        return real.listNetworks(labels);
    }

    @Override
    public boolean removeNetwork(String name) {
        return real.removeNetwork(name);
    }

    @Override
    public VolumeInfo createVolume(VolumeSpec spec) {
        return real.createVolume(spec);
    }

    @Override
    public Optional<VolumeInfo> findVolume(String name) {
        return real.findVolume(name);
    }

    @Override
    public List<VolumeInfo> listVolumes(LabelFilter labels) {
        return real.listVolumes(labels);
    }

    @Override
    public boolean removeVolume(String name, RemoveVolumeOptions options) {
        return real.removeVolume(name, options);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return real.createContainer(spec);
    }

    @Override
    public void startContainer(String container) {
        real.startContainer(container);
    }

    @Override
    public void stopContainer(String container, Duration timeout) {
        real.stopContainer(container, timeout);
    }

    @Override
    public boolean removeContainer(String container, RemoveContainerOptions options) {
        return real.removeContainer(container, options);
    }

    @Override
    public Optional<ContainerInfo> findContainer(String container) {
        return real.findContainer(container);
    }

    @Override
    public List<ContainerSummary> listContainers(ContainerFilter filter) {
        return real.listContainers(filter);
    }

    @Override
    public List<LogLine> logs(String container, LogOptions options) {
        return real.logs(container, options);
    }

    @Override
    public ContainerHealth runHealthcheck(String container) {
        return real.runHealthcheck(container);
    }

    @Override
    public void close() {
        real.close();
    }
}
