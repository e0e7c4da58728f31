package io.p4n4.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An extra readiness wait inside {@link P4n4Compose#waitFor()}; the annotation form of
 * {@link ReadinessCheck}. Set exactly one of: {@link #port()} alone (TCP), {@link #port()} with
 * {@link #httpPath()} (HTTP, expecting {@link #httpStatus()}), or {@link #logLine()}.
 *
 * <pre>{@code
 * @P4n4Compose(value = "compose.yml", waitFor = {
 *     @WaitFor(service = "web", port = 80, httpPath = "/", httpStatus = 200),
 *     @WaitFor(service = "worker", logLine = "ready")})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface WaitFor {
    /** The service to wait for. */
    String service();

    /** A container port: alone, wait until it accepts TCP connections; with {@link #httpPath()}, the HTTP port. */
    int port() default 0;

    /** An HTTP path (starting with {@code /}) to GET on {@link #port()}. */
    String httpPath() default "";

    /** The HTTP status {@link #httpPath()} must answer. */
    int httpStatus() default 200;

    /** A regular expression a line of the service's log must match. */
    String logLine() default "";
}
