package io.p4n4.docker.internal;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumeOptions;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.DeviceMapping;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.MountOptions;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.RestartPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills a docker-java create command from a {@link ContainerSpec}. Only the first network is set at create
 * time (API versions before 1.44 accept one); the engine connects the others right after. The host settings
 * beyond ports, mounts, devices and networks are {@link HostSettingsMapping}'s.
 */
final class CreateContainerMapping {

    private CreateContainerMapping() {
    }

    static CreateContainerCmd apply(ContainerSpec spec, CreateContainerCmd cmd) {
        spec.findName().ifPresent(cmd::withName);
        spec.findCommand().ifPresent(cmd::withCmd);
        spec.findEntrypoint().ifPresent(cmd::withEntrypoint);
        List<String> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(k + "=" + v));
        cmd.withEnv(env);
        cmd.withLabels(spec.labels());
        spec.findUser().ifPresent(cmd::withUser);
        spec.findWorkingDir().ifPresent(cmd::withWorkingDir);
        spec.findHostname().ifPresent(cmd::withHostName);
        spec.findStopSignal().ifPresent(cmd::withStopSignal);
        spec.findStopTimeout().ifPresent(t -> cmd.withStopTimeout((int) t.toSeconds()));
        spec.findHealthcheck().ifPresent(h -> cmd.withHealthcheck(healthcheck(h)));
        spec.findDomainname().ifPresent(cmd::withDomainName);
        spec.findMacAddress().ifPresent(cmd::withMacAddress);
        spec.findPlatform().ifPresent(cmd::withPlatform); // a query parameter of create (API 1.41+)

        HostConfig host = HostConfig.newHostConfig();
        Ports ports = new Ports();
        Set<ExposedPort> exposed = new LinkedHashSet<>();
        for (PortBinding p : spec.ports()) {
            ExposedPort ep = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol().wireName()));
            exposed.add(ep);
            String hostPort = p.hostPort() == 0 ? "" : Integer.toString(p.hostPort());
            ports.bind(ep, new Ports.Binding(p.hostIp().isEmpty() ? null : p.hostIp(), hostPort));
        }
        if (!exposed.isEmpty()) {
            host.withPortBindings(ports);
        }
        for (String p : spec.exposedPorts()) {
            exposed.addAll(exposedPorts(p));
        }
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(new ArrayList<>(exposed));
        }
        List<com.github.dockerjava.api.model.Mount> mounts = new ArrayList<>();
        List<Bind> binds = new ArrayList<>();
        for (Mount m : spec.mounts()) {
            if (m.options().selinuxLabel() != null) {
                binds.add(relabelledBind(m)); // the Mounts API has no SELinux label; compose falls back alike
            } else {
                mounts.add(mount(m));
            }
        }
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        List<Device> devices = new ArrayList<>();
        for (DeviceMapping d : spec.devices()) {
            devices.add(new Device(d.permissions(), d.containerPath(), d.hostPath()));
        }
        if (!devices.isEmpty()) {
            host.withDevices(devices);
        }
        host.withRestartPolicy(restart(spec.restartPolicy()));
        spec.findNetworkMode().ifPresent(host::withNetworkMode);
        if (!spec.networks().isEmpty()) {
            NetworkAttachment first = spec.networks().get(0);
            host.withNetworkMode(first.network());
            if (!first.aliases().isEmpty()) {
                cmd.withAliases(first.aliases());
            }
            if (first.ipv4Address() != null) {
                cmd.withIpv4Address(first.ipv4Address());
            }
            if (first.ipv6Address() != null) {
                cmd.withIpv6Address(first.ipv6Address());
            }
        }
        HostSettingsMapping.apply(spec, host);
        cmd.withHostConfig(host);
        return cmd;
    }

    static HealthCheck healthcheck(HealthcheckSpec h) {
        HealthCheck hc = new HealthCheck().withTest(h.test());
        if (!h.interval().isZero()) {
            hc.withInterval(nanos(h.interval()));
        }
        if (!h.timeout().isZero()) {
            hc.withTimeout(nanos(h.timeout()));
        }
        if (h.retries() > 0) {
            hc.withRetries(h.retries());
        }
        if (!h.startPeriod().isZero()) {
            hc.withStartPeriod(nanos(h.startPeriod()));
        }
        if (!h.startInterval().isZero()) {
            hc.withStartInterval(nanos(h.startInterval())); // API 1.44+: refused on older engines beforehand
        }
        return hc;
    }

    /** {@code 8080/tcp} as one port, {@code 8000-8002/udp} as each port of the range (as the docker CLI does). */
    static List<ExposedPort> exposedPorts(String portAndProtocol) {
        String[] parts = portAndProtocol.split("/", 2);
        String[] range = parts[0].split("-", 2);
        int first = Integer.parseInt(range[0]);
        int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
        InternetProtocol protocol = InternetProtocol.parse(parts[1]);
        List<ExposedPort> out = new ArrayList<>();
        for (int port = first; port <= last; port++) {
            out.add(new ExposedPort(port, protocol));
        }
        return out;
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    private static com.github.dockerjava.api.model.Mount mount(Mount m) {
        com.github.dockerjava.api.model.Mount dm = new com.github.dockerjava.api.model.Mount()
                .withTarget(m.target()).withReadOnly(m.readOnly());
        MountOptions o = m.options();
        switch (m.type()) {
            case BIND:
                if (o.propagation() != null) {
                    dm.withBindOptions(new BindOptions().withPropagation(bindPropagation(o.propagation())));
                }
                return dm.withType(com.github.dockerjava.api.model.MountType.BIND).withSource(m.source());
            case VOLUME:
                if (o.noCopy()) {
                    dm.withVolumeOptions(new VolumeOptions().withNoCopy(true));
                }
                return dm.withType(com.github.dockerjava.api.model.MountType.VOLUME).withSource(m.source());
            case TMPFS:
            default:
                if (o.tmpfsSizeBytes() != 0 || o.tmpfsMode() != null) {
                    dm.withTmpfsOptions(new TmpfsOptions()
                            .withSizeBytes(o.tmpfsSizeBytes() == 0 ? null : o.tmpfsSizeBytes())
                            .withMode(o.tmpfsMode()));
                }
                return dm.withType(com.github.dockerjava.api.model.MountType.TMPFS);
        }
    }

    /** A bind with an SELinux label, in the legacy {@code Binds} form ({@code SRC:DST:rw,z,rslave}). */
    private static Bind relabelledBind(Mount m) {
        MountOptions o = m.options();
        return new Bind(m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw,
                "Z".equals(o.selinuxLabel()) ? SELContext.single : SELContext.shared, null,
                o.propagation() == null ? PropagationMode.DEFAULT_MODE : PropagationMode.fromString(o.propagation()));
    }

    private static BindPropagation bindPropagation(String value) {
        switch (value) {
            case "private":
                return BindPropagation.PRIVATE;
            case "shared":
                return BindPropagation.SHARED;
            case "rshared":
                return BindPropagation.R_SHARED;
            case "slave":
                return BindPropagation.SLAVE;
            case "rslave":
                return BindPropagation.R_SLAVE;
            case "rprivate":
            default: // MountOptions admits no other value
                return BindPropagation.R_PRIVATE;
        }
    }

    private static com.github.dockerjava.api.model.RestartPolicy restart(RestartPolicy p) {
        switch (p.mode()) {
            case ALWAYS:
                return com.github.dockerjava.api.model.RestartPolicy.alwaysRestart();
            case ON_FAILURE:
                return com.github.dockerjava.api.model.RestartPolicy.onFailureRestart(p.maxRetries());
            case UNLESS_STOPPED:
                return com.github.dockerjava.api.model.RestartPolicy.unlessStoppedRestart();
            case NO:
            default:
                return com.github.dockerjava.api.model.RestartPolicy.noRestart();
        }
    }
}
