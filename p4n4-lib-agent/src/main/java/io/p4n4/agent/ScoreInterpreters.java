package io.p4n4.agent;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link ScoreInterpreter}s for a device through the {@link ScoreInterpreterProvider}s on the
 * class path ({@link ServiceLoader}); a device agent registers what this returns. Stateless.
 */
public final class ScoreInterpreters {
    private ScoreInterpreters() {
    }

    /** The interpreters every provider visible to {@code loader} creates for {@code context}. */
    public static List<ScoreInterpreter<?>> discover(ScoreInterpreterProvider.Context context, ClassLoader loader) {
        return create(ServiceLoader.load(ScoreInterpreterProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList(), context);
    }

    /** The interpreters the providers on the class path of this library create for {@code context}. */
    public static List<ScoreInterpreter<?>> discover(ScoreInterpreterProvider.Context context) {
        return discover(context, ScoreInterpreters.class.getClassLoader());
    }

    /**
     * The interpreters {@code providers} create for {@code context}; USER (2) when there is none, naming
     * the providers tried and what to add.
     */
    public static List<ScoreInterpreter<?>> create(List<ScoreInterpreterProvider> providers,
            ScoreInterpreterProvider.Context context) {
        List<ScoreInterpreter<?>> out = new ArrayList<>();
        for (ScoreInterpreterProvider p : providers) {
            out.addAll(p.create(context));
        }
        if (out.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "no Score interpreter for device " + context.deviceId()
                    + (context.findEngine().isEmpty() ? " without a container engine" : "")
                    + "; providers found: " + providers.stream().map(ScoreInterpreterProvider::id).toList()
                    + ". The PodmanV0 interpreter needs a container engine: put p4n4-lib-podman or"
                    + " p4n4-lib-docker on the class path, or register an interpreter with"
                    + " DeviceAgent.Builder.interpreter");
        }
        return List.copyOf(out);
    }
}
