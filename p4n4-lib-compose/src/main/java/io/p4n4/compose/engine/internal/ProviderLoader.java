package io.p4n4.compose.engine.internal;

import io.p4n4.api.spi.ContainerEngineProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads every {@link ContainerEngineProvider} on the class path, each in its own try: one broken jar (missing
 * class, failing constructor) is reported and skipped instead of breaking discovery.
 */
public final class ProviderLoader {
    private static final int MAX_FAILURES = 50;

    private ProviderLoader() {
    }

    /** The providers that loaded; what failed to load is appended to {@code problems}. */
    public static List<ContainerEngineProvider> load(ClassLoader loader, List<String> problems) {
        List<ContainerEngineProvider> out = new ArrayList<>();
        Iterator<ContainerEngineProvider> it = ServiceLoader.load(ContainerEngineProvider.class, loader).iterator();
        int failures = 0;
        while (failures < MAX_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failures++;
                problems.add("a ContainerEngineProvider failed to load and was skipped: " + e.getMessage());
            }
        }
        return out;
    }
}
