package io.p4n4.api.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link io.p4n4.api.spi.ScoreInterpreter} runs Scores on: the CPU architecture and the container
 * runtime of the engine it drives, and a description of that engine for messages. A device agent applies a
 * Score only when its interpreter's platform matches the device's {@link Topology}; otherwise the deployment
 * is {@code REJECTED} with the {@link #mismatches(Topology) mismatching fields}. Immutable.
 *
 * @param architecture the CPU architecture of what the interpreter runs, as {@link #normalizeArchitecture}
 *     names it ({@code amd64}, {@code arm64}), or {@link #ANY}
 * @param runtime the container runtime, as {@link Topology#containerRuntime()} names it ({@code podman},
 *     {@code docker}), or {@link #ANY}
 * @param engine what the interpreter drives, for messages ({@code "Podman Engine 5.0.3 at unix:///run/podman.sock"});
 *     never compared
 */
public record InterpreterPlatform(String architecture, String runtime, String engine) {

    /** Matches every value of a field: the interpreter does not depend on it. */
    public static final String ANY = "*";

    /** Checks the fields and normalizes the architecture. */
    public InterpreterPlatform {
        architecture = normalizeArchitecture(Objects.requireNonNull(architecture, "architecture"));
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(engine, "engine");
    }

    /** Returns a platform that runs on any device: for interpreters that touch no runtime (dry runs, tests). */
    public static InterpreterPlatform anywhere(String engine) {
        return new InterpreterPlatform(ANY, ANY, engine);
    }

    /**
     * Returns the name this library uses for a CPU architecture, so the JVM's ({@code os.arch}), the
     * kernel's ({@code uname -m}) and the engines' (Go's {@code GOARCH}) names compare equal:
     * {@code x86_64} and {@code amd64} are {@code amd64}; {@code aarch64} and {@code arm64} are {@code arm64};
     * {@code armv7l}, {@code armhf} and {@code arm} are {@code arm}; {@code i386}, {@code i686}, {@code x86}
     * are {@code 386}. Others are lower-cased.
     */
    public static String normalizeArchitecture(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "x86_64", "x86-64", "x64", "amd64" -> "amd64";
            case "aarch64", "arm64", "armv8", "arm64v8" -> "arm64";
            case "arm", "armv7", "armv7l", "armhf", "armv6l", "armel" -> "arm";
            case "x86", "i386", "i486", "i586", "i686", "386" -> "386";
            default -> n;
        };
    }

    /**
     * Returns where the device's topology differs from what this platform runs, empty when the interpreter
     * can run there.
     */
    public List<Mismatch> mismatches(Topology topology) {
        List<Mismatch> out = new ArrayList<>();
        String deviceArchitecture = normalizeArchitecture(topology.architecture());
        if (!architecture.equals(ANY) && !architecture.equals(deviceArchitecture)) {
            out.add(new Mismatch("architecture", architecture, deviceArchitecture));
        }
        if (!runtime.equals(ANY) && !runtime.equals(topology.containerRuntime())) {
            out.add(new Mismatch("runtime", runtime, topology.containerRuntime()));
        }
        return out;
    }

    /**
     * One field where an interpreter's platform and a device's topology differ. Immutable.
     *
     * @param field {@code architecture} or {@code runtime}
     * @param wanted what the interpreter runs
     * @param has what the device's topology says it has
     */
    public record Mismatch(String field, String wanted, String has) {

        /** Checks the fields. */
        public Mismatch {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(has, "has");
        }

        /** Returns {@code "architecture: wants arm64, the device has amd64"}. */
        @Override
        public String toString() {
            return field + ": wants " + wanted + ", the device has " + has;
        }
    }
}
