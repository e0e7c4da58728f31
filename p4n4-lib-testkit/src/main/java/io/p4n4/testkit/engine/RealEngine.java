package io.p4n4.testkit.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated field or parameter a connected {@link io.p4n4.api.engine.ContainerEngine} (or the
 * backend's own type) for the test engine {@code scripts/engines.sh start} runs, and closes it afterwards:
 * <pre>{@code
 * @Tag("engine")
 * class MyEngineTest {
 *     @RealEngine("podman")
 *     ContainerEngine engine;   // a new one for each test; a static field: one for the class
 *
 *     @Test
 *     void pings() { engine.ping(); }
 * }
 * }</pre>
 * The endpoint comes from {@link #endpointVariable()} through {@link TestEndpoints}; the engine from the
 * {@link io.p4n4.api.spi.ContainerEngineProvider} with id {@link #value()} that {@link java.util.ServiceLoader}
 * finds. The test is skipped, saying to run {@code scripts/engines.sh start}, when the endpoint is not set or
 * no such engine answers there, and fails when no backend with that id is on the test class path.
 *
 * <p>A static field, or a parameter of the constructor or of an {@code @BeforeAll}/{@code @AfterAll} method,
 * gets one engine for the class; an instance field, or a parameter of a test or of an
 * {@code @BeforeEach}/{@code @AfterEach} method, gets one for each test. Declarations of the same engine
 * and variable share it, so a test of a class that already has that engine gets the class's. An engine the
 * test closes itself is closed again harmlessly ({@code close()} is idempotent). Tag such tests {@code engine} so fast builds can exclude them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(RealEngineExtension.class)
public @interface RealEngine {

    /** The provider id: {@code docker} or {@code podman}. */
    String value();

    /**
     * The variable (environment, system property or line of /tmp/p4n4-it/engines.env) holding the endpoint;
     * empty means {@code P4N4_TEST_<ID>_HOST}, see {@link TestEngines#endpointVariable(String)}.
     */
    String endpointVariable() default "";
}
