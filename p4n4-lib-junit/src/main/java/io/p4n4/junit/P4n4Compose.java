package io.p4n4.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Brings a compose project up before the test class's first test and takes it down, volumes included,
 * after its last one; a {@link ComposeEnvironment} parameter of a constructor, lifecycle method or test
 * gets the running project.
 *
 * <pre>{@code
 * @P4n4Compose("src/test/resources/web.yml")
 * class WebTest {
 *     @Test
 *     void answers(ComposeEnvironment env) throws Exception {
 *         URI uri = URI.create("http://" + env.host("web", 80) + ":" + env.port("web", 80) + "/");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Each class gets its own project name (the first file's name plus a random suffix), so classes run in
 * parallel under JUnit's parallel execution when their files publish ports without a host port
 * ({@code - "80"}). Every container, network and volume carries a label naming the JVM that created it; a
 * later run removes the leftovers of JVMs that died without cleaning up. Each service's log is written to
 * {@code target/p4n4-logs/<TestClass>/<service>.log}. Inherited by subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(P4n4ComposeExtension.class)
public @interface P4n4Compose {
    /** Compose files, relative to the project directory (the working directory, where Maven runs tests). */
    String[] value();

    /** {@code --env-file}s, relative to the project directory; empty reads the project's {@code .env}. */
    String[] envFiles() default {};

    /** Profiles to enable. */
    String[] profiles() default {};

    /** Services to bring up (with what they depend on); empty for all. */
    String[] services() default {};

    /** The engine; {@link EngineChoice#AUTO} uses the library's discovery. */
    EngineChoice engine() default EngineChoice.AUTO;

    /**
     * The engine endpoint ({@code unix:///run/podman/podman.sock}, {@code tcp://host:2375}); {@code ${NAME}}
     * reads a system property or environment variable. Empty: the engine's own variables and usual sockets.
     */
    String host() default "";

    /** How long bringing the project up may take, extra waits included. */
    int waitTimeoutSeconds() default 120;

    /**
     * Keep the project running after the class and reuse it next time when its configuration hash matches
     * (otherwise it is recreated). Only for read-only use of services; see docs/testing.md.
     */
    boolean reuse() default false;

    /**
     * Wait until the engine itself reports every healthcheck healthy before the first test, as
     * {@code docker compose up --wait} does. Off by default: a service with a healthcheck counts as healthy
     * as soon as that same test passes when p4n4 runs it by {@code exec} (at once, then every 50 ms to 1 s),
     * because Docker runs a container's first check only one {@code interval} after it starts. Only a pass
     * counts early: a check that fails keeps the class waiting until {@link #waitTimeoutSeconds()}. Turn this
     * on when a test reads the engine's health status ({@code ps}, inspect) and expects "healthy"; without it
     * Docker may still say "starting" at the first test.
     */
    boolean waitForEngineHealth() default false;

    /** Extra readiness waits, after healthchecks and {@code depends_on} conditions. */
    WaitFor[] waitFor() default {};
}
