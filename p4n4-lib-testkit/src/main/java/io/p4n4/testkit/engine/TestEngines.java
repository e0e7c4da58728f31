package io.p4n4.testkit.engine;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Connects tests to the engines {@code scripts/engines.sh start} runs, for tests where {@link RealEngine}
 * does not fit (the engine id is a test parameter or a method of an abstract test). The engine comes from
 * the {@link ContainerEngineProvider} that {@link ServiceLoader} finds for its id, so the backend only has
 * to be on the test class path. An engine that is not configured or does not answer skips the calling test
 * (a JUnit assumption) with a message saying to run {@code scripts/engines.sh start}; a backend missing from
 * the class path fails it, naming the artifact to add.
 *
 * <p><b>Thread-safety:</b> stateless. The caller closes the engines it gets.
 */
public final class TestEngines {
    /** The local busybox image scripts/engines.sh builds in every engine (sh, httpd, wget, nc). */
    public static final String TEST_IMAGE = EngineContractSupport.DEFAULT_IMAGE;
    /** The label scripts/engines.sh puts on its images: {@code real} or {@code standin}. */
    public static final String REAL_LABEL = "io.p4n4.test";

    private TestEngines() {
    }

    /** The variable naming the test endpoint of engine {@code engineId}: {@code P4N4_TEST_PODMAN_HOST}. */
    public static String endpointVariable(String engineId) {
        return "P4N4_TEST_" + engineId.toUpperCase(Locale.ROOT) + "_HOST";
    }

    /**
     * The endpoint in {@code variable} (see {@link TestEndpoints}); skips the calling test when it is not set.
     */
    public static String requireEndpoint(String variable) {
        Optional<String> endpoint = TestEndpoints.find(variable);
        Assumptions.assumeTrue(endpoint.isPresent(), () -> variable + " is not set (neither in the environment,"
                + " nor as a system property, nor in " + TestEndpoints.ENGINES_ENV + "); run scripts/engines.sh start");
        return endpoint.get();
    }

    /** The test engine {@code engineId} at its endpoint variable; skips the calling test when none answers. */
    public static ContainerEngine connect(String engineId) {
        return connectAt(engineId, requireEndpoint(endpointVariable(engineId)));
    }

    /**
     * Engine {@code engineId} at {@code endpoint} ({@code unix:///path.sock}, {@code tcp://host:port});
     * skips the calling test when no engine of that kind answers there.
     */
    public static ContainerEngine connectAt(String engineId, String endpoint) {
        ContainerEngineProvider provider = provider(engineId);
        EngineConfig config = EngineConfig.parse(endpoint);
        Availability availability = provider.probe(config);
        Assumptions.assumeTrue(availability.available(), () -> engineId + " at " + endpoint + " does not answer ("
                + availability.detail() + "); run scripts/engines.sh start");
        return provider.create(config);
    }

    /** Skips the calling test when {@code image} is not in {@code engine}; scripts/engines.sh builds them. */
    public static void assumeImage(ContainerEngine engine, String image) {
        Assumptions.assumeTrue(engine.imageExists(image), () -> "image " + image + " is missing on " + engine.id()
                + " at " + engine.endpoint() + "; run scripts/engines.sh start (it builds the test images)");
    }

    /**
     * Whether {@code image} in {@code engine} is the real program rather than its busybox stand-in:
     * scripts/engines.sh builds real {@code eclipse-mosquitto:2} and {@code nodered/node-red:latest} images
     * where it can (Debian's mosquitto, Node-RED from npm) and labels them {@code io.p4n4.test=real}.
     */
    public static boolean isRealImage(ContainerEngine engine, String image) {
        return engine.findImage(image).map(i -> "real".equals(i.labels().get(REAL_LABEL))).orElse(false);
    }

    /** Skips the calling test when {@code image} in {@code engine} is a stand-in (see {@link #isRealImage}). */
    public static void assumeRealImage(ContainerEngine engine, String image) {
        Assumptions.assumeTrue(isRealImage(engine, image), () -> "image " + image + " on " + engine.id()
                + " is a stand-in, not the real program (scripts/engines.sh could not build it: it needs Debian's"
                + " mosquitto and nodejs packages and the npm registry); run scripts/engines.sh start");
    }

    /**
     * The provider {@link ServiceLoader} finds for {@code engineId}; fails when none is on the class path.
     * Each provider is loaded in its own try, so one broken jar does not hide the others.
     */
    public static ContainerEngineProvider provider(String engineId) {
        List<String> seen = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<ContainerEngineProvider> providers = ServiceLoader.load(ContainerEngineProvider.class).iterator();
        while (true) {
            ContainerEngineProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage()); // the iterator goes on with the next provider
                continue;
            }
            if (provider.id().equals(engineId)) {
                return provider;
            }
            seen.add(provider.id());
        }
        throw new ExtensionConfigurationException("no ContainerEngineProvider with id '" + engineId
                + "' on the test class path (found " + seen + (broken.isEmpty() ? "" : ", broken " + broken)
                + "); add the backend, e.g. io.p4n4:p4n4-lib-" + engineId + ", as a test dependency");
    }
}
