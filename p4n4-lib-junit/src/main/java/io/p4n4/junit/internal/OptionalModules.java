package io.p4n4.junit.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Checks that an optional dependency of p4n4-lib-junit is on the class path before code that needs it runs. */
public final class OptionalModules {
    private OptionalModules() {
    }

    /** Fails, naming the artifact to add, when {@code className} cannot be loaded. */
    public static void require(String className, String artifact, String feature) {
        try {
            Class.forName(className, false, OptionalModules.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ExtensionConfigurationException(feature + " needs " + artifact
                    + " on the test class path (an optional dependency of p4n4-lib-junit); add it with test scope",
                    e);
        }
    }
}
