package io.p4n4.testkit.engine;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.testkit.internal.ScopedResourceExtension;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The JUnit 5 extension behind {@link RealEngine}; registered by the annotation itself. Engines are made
 * with {@link TestEngines#connectAt(String, String)}: one per engine id and endpoint variable per scope.
 *
 * <p><b>Thread-safety:</b> stateless; JUnit's store holds the engines.
 */
final class RealEngineExtension extends ScopedResourceExtension<RealEngine, ContainerEngine> {

    /** Made by JUnit. */
    public RealEngineExtension() {
        super(RealEngine.class, ContainerEngine.class);
    }

    @Override
    protected Object key(RealEngine declaration) {
        return List.of(declaration.value(), variable(declaration));
    }

    @Override
    protected ContainerEngine open(RealEngine declaration) {
        return TestEngines.connectAt(declaration.value(), TestEngines.requireEndpoint(variable(declaration)));
    }

    @Override
    protected Object valueOf(ContainerEngine engine, Class<?> type, String where) {
        if (!type.isInstance(engine)) {
            throw new ExtensionConfigurationException("@RealEngine(\"" + engine.id() + "\") on " + where
                    + ": the engine is a " + engine.getClass().getName() + ", not a " + type.getName());
        }
        return engine;
    }

    private static String variable(RealEngine declaration) {
        return declaration.endpointVariable().isEmpty() ? TestEngines.endpointVariable(declaration.value())
                : declaration.endpointVariable();
    }
}
