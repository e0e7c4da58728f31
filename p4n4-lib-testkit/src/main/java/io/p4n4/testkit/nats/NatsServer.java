package io.p4n4.testkit.nats;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated field or parameter a private nats-server with JetStream, its store in a temporary
 * directory, started through {@link NatsServerProcess} and stopped (the directory deleted) afterwards:
 * <pre>{@code
 * class MyStoreTest {
 *     @NatsServer
 *     NatsServerProcess server;     // a fresh server for each test; a static field: one for the class
 *
 *     @Test
 *     void survivesARestart() throws Exception {
 *         server.stop();
 *         server.startAgain();
 *     }
 *
 *     @Test
 *     void connects(@NatsServer String url) {   // the field's server, as nats://127.0.0.1:PORT
 *         ...
 *     }
 * }
 * }</pre>
 * The declared type may be {@link String} (the URL), {@link java.net.URI} or {@link NatsServerProcess}
 * (to stop and start it again). A static field, or a parameter of the constructor or of an
 * {@code @BeforeAll}/{@code @AfterAll} method, gets one server for the class; an instance field, or a
 * parameter of a test or of an {@code @BeforeEach}/{@code @AfterEach} method, gets a fresh one for each
 * test. All declarations in one scope share its server, and a test of a class that has one gets the class's.
 * When no nats-server binary is found (see {@link NatsServerProcess#findBinary()}) the test is skipped with a
 * message saying how to install one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(NatsServerExtension.class)
public @interface NatsServer {
}
