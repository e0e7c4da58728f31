package io.p4n4.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link P4n4Compose}; registered by the annotation. One
 * {@link ComposeEnvironment} per annotated class, kept in the class's store, which closes it after the class's
 * last test (an {@link AutoCloseable} in the store). Started in {@code beforeAll}, or earlier when a
 * per-class test instance asks for it in its constructor. Nested classes share their enclosing class's
 * environment.
 *
 * <p><b>Thread-safety:</b> stateless; JUnit's store holds the environments, so classes run in parallel.
 */
final class P4n4ComposeExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(P4n4Compose.class);

    /** Made by JUnit. */
    P4n4ComposeExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ComposeEnvironment.class && owner(context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return environment(context).orElseThrow(() -> new ExtensionConfigurationException(
                "no @P4n4Compose on " + context.getRequiredTestClass().getName() + " or its enclosing classes"));
    }

    /** The environment of the nearest annotated class, started on first use. */
    private static Optional<ComposeEnvironment> environment(ExtensionContext context) {
        return owner(context).map(owner -> {
            Class<?> type = owner.getRequiredTestClass();
            P4n4Compose annotation = AnnotationSupport.findAnnotation(type, P4n4Compose.class).orElseThrow();
            return owner.getStore(NAMESPACE).getOrComputeIfAbsent(type, t -> ComposeEnvironment.start(
                    setup(type, annotation)), ComposeEnvironment.class);
        });
    }

    /** The class-level context of the nearest class carrying {@link P4n4Compose}. */
    private static Optional<ExtensionContext> owner(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isPresent() && c.getTestMethod().isEmpty()
                    && AnnotationSupport.isAnnotated(c.getRequiredTestClass(), P4n4Compose.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static ComposeSetup setup(Class<?> type, P4n4Compose a) {
        if (a.waitTimeoutSeconds() <= 0) {
            throw new ExtensionConfigurationException("@P4n4Compose on " + type.getName()
                    + ": waitTimeoutSeconds must be positive, not " + a.waitTimeoutSeconds());
        }
        ComposeSetup.Builder b = ComposeSetup.builder(a.value()).profiles(a.profiles()).services(a.services())
                .engine(a.engine()).host(a.host()).reuse(a.reuse()).waitForEngineHealth(a.waitForEngineHealth())
                .waitTimeout(Duration.ofSeconds(a.waitTimeoutSeconds()))
                .logDirectory(Path.of("target", "p4n4-logs", type.getName())).owner(type.getName());
        for (String envFile : a.envFiles()) {
            b.envFile(Path.of(envFile));
        }
        for (WaitFor w : a.waitFor()) {
            b.waitFor(check(type, w));
        }
        return b.build();
    }

    private static ReadinessCheck check(Class<?> type, WaitFor w) {
        boolean log = !w.logLine().isEmpty();
        if (log == (w.port() != 0)) {
            throw new ExtensionConfigurationException("@WaitFor(service = \"" + w.service() + "\") on "
                    + type.getName() + ": set either port (TCP, or HTTP with httpPath) or logLine, exactly one");
        }
        if (log) {
            return ReadinessCheck.logLine(w.service(), w.logLine());
        }
        return w.httpPath().isEmpty() ? ReadinessCheck.tcp(w.service(), w.port())
                : ReadinessCheck.http(w.service(), w.port(), w.httpPath(), w.httpStatus());
    }
}
