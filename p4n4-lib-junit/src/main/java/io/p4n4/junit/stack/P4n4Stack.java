package io.p4n4.junit.stack;

import io.p4n4.junit.EngineChoice;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scaffolds a bundled p4n4 stack in a temporary project (with p4n4-lib-core, fresh secrets in its
 * {@code .env}), brings it up for the test class and injects, into constructors, lifecycle methods and tests:
 * {@link io.p4n4.junit.ComposeEnvironment}, {@code InfluxClient} (with the stack's token, org and bucket),
 * {@code OllamaClient}, {@code LettaClient} (with the stack's password) and {@code EdgeImpulseClient}, each
 * bound to its service's published port.
 *
 * <pre>{@code
 * @P4n4Stack(BundledStack.AI)
 * class AiTest {
 *     @Test
 *     void ollamaAnswers(OllamaClient ollama) {
 *         assertThat(ollama.version()).isNotBlank();
 *     }
 * }
 * }</pre>
 *
 * <p>To run side by side with other runs, the stack's fixed host ports are published on free ports instead,
 * and its shared network {@code p4n4-net} becomes a network of the project's own (no fixed subnet); the
 * generated files are otherwise as {@code p4n4 init} writes them. Needs {@code io.p4n4:p4n4-lib-core} and
 * {@code io.p4n4:p4n4-lib-clients} (optional dependencies of p4n4-lib-junit) on the test class path.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(P4n4StackExtension.class)
public @interface P4n4Stack {
    /** The stack. */
    BundledStack value();

    /** The engine; {@link EngineChoice#AUTO} uses the library's discovery. */
    EngineChoice engine() default EngineChoice.AUTO;

    /** The engine endpoint; {@code ${NAME}} reads a system property or environment variable. */
    String host() default "";

    /** How long bringing the stack up may take. */
    int waitTimeoutSeconds() default 180;
}
