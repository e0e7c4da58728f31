package io.p4n4.junit.stack;

import io.p4n4.junit.ComposeEnvironment;
import io.p4n4.junit.internal.OptionalModules;
import io.p4n4.junit.internal.StackClients;
import io.p4n4.junit.internal.StackEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link P4n4Stack}. One running stack per annotated class, in the class's store,
 * which closes it (clients, project, temporary directory) after the class.
 *
 * <p><b>Thread-safety:</b> stateless; JUnit's store holds the stacks.
 */
final class P4n4StackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(P4n4Stack.class);

    /** Made by JUnit. */
    P4n4StackExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ComposeEnvironment.class) {
            return true;
        }
        // the client interfaces live in p4n4-lib-api; only building them needs p4n4-lib-clients
        return type.getName().startsWith("io.p4n4.api.clients.") && type.isInterface() && clientType(type);
    }

    private static boolean clientType(Class<?> type) {
        requireModules();
        return StackClients.isClientType(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        StackEnvironment stack = stack(context);
        if (type == ComposeEnvironment.class) {
            return stack.environment();
        }
        P4n4Stack a = annotation(context);
        return stack.clients().find(type).orElseThrow(() -> new ExtensionConfigurationException(
                "@P4n4Stack(" + a.value() + ") runs no service for a " + type.getSimpleName() + " (parameter "
                        + parameter.getParameter().getName() + "); use the stack that runs it"));
    }

    private static StackEnvironment stack(ExtensionContext context) {
        P4n4Stack a = annotation(context);
        Class<?> type = context.getRequiredTestClass();
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() || owner.getRequiredTestClass() != declaring(type)) {
            owner = owner.getParent().orElseThrow();
        }
        Class<?> declaring = owner.getRequiredTestClass();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(declaring, t -> start(declaring, a),
                StackEnvironment.class);
    }

    private static Class<?> declaring(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, P4n4Stack.class)) {
                return c;
            }
        }
        return type;
    }

    private static P4n4Stack annotation(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(declaring(context.getRequiredTestClass()), P4n4Stack.class)
                .orElseThrow(() -> new ExtensionConfigurationException("no @P4n4Stack on "
                        + context.getRequiredTestClass().getName()));
    }

    private static StackEnvironment start(Class<?> type, P4n4Stack a) {
        requireModules();
        if (a.waitTimeoutSeconds() <= 0) {
            throw new ExtensionConfigurationException("@P4n4Stack on " + type.getName()
                    + ": waitTimeoutSeconds must be positive, not " + a.waitTimeoutSeconds());
        }
        try {
            return StackEnvironment.start(a.value().id(), a.engine(), a.host(),
                    Duration.ofSeconds(a.waitTimeoutSeconds()), Path.of("target", "p4n4-logs", type.getName()),
                    type.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary project of @P4n4Stack on " + type.getName(), e);
        }
    }

    private static void requireModules() {
        OptionalModules.require("io.p4n4.core.P4n4", "io.p4n4:p4n4-lib-core", "@P4n4Stack");
        OptionalModules.require("io.p4n4.clients.ClientFactory", "io.p4n4:p4n4-lib-clients", "@P4n4Stack");
    }
}
