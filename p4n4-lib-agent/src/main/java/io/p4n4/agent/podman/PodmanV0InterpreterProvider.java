package io.p4n4.agent.podman;

import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import java.util.List;

/**
 * Provides the {@link PodmanV0Interpreter} to device agents that have a container engine (Podman, or Docker:
 * the Score runs on any engine). Registered in {@code META-INF/services}.
 */
public final class PodmanV0InterpreterProvider implements ScoreInterpreterProvider {

    /** For {@link java.util.ServiceLoader}. */
    public PodmanV0InterpreterProvider() {
    }

    @Override
    public String id() {
        return "podman-v0";
    }

    @Override
    public List<ScoreInterpreter<?>> create(Context context) {
        return context.findEngine().<List<ScoreInterpreter<?>>>map(engine -> List.of(
                PodmanV0Interpreter.create(engine, context.deviceId(), context.stopTimeout()))).orElse(List.of());
    }
}
