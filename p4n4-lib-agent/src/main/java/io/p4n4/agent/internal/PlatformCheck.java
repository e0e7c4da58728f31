package io.p4n4.agent.internal;

import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an interpreter can run a Score on the device: compares what the interpreter runs
 * ({@link InterpreterPlatform}) with the device's {@link Topology} and words the refusal. Stateless.
 */
final class PlatformCheck {

    private PlatformCheck() {
    }

    /**
     * Returns why {@code interpreter} cannot run {@code scoreType} on the device, or empty when it can.
     *
     * @throws RuntimeException when the interpreter cannot tell what it runs (its engine does not answer)
     */
    static Optional<String> refusal(ScoreInterpreter<?> interpreter, String scoreType, Topology topology) {
        InterpreterPlatform platform = interpreter.platform();
        List<InterpreterPlatform.Mismatch> mismatches = platform.mismatches(topology);
        if (mismatches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Score type " + scoreType + " cannot run on device " + topology.deviceId() + ": "
                + mismatches.stream().map(InterpreterPlatform.Mismatch::toString).collect(Collectors.joining("; "))
                + " (interpreter " + interpreter.id() + " runs on " + platform.engine() + "; the device's topology is "
                + topology.architecture() + "/" + topology.containerRuntime() + "). Point the agent at an engine"
                + " of the device's architecture and runtime, or correct the device's topology");
    }
}
