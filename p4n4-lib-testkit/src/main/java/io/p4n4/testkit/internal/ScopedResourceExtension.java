package io.p4n4.testkit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * What the kit's extensions share: a resource for each field or parameter annotated with {@code A}, kept in
 * the JUnit store of its scope and closed with it. Static fields and parameters of constructors,
 * {@code @BeforeAll} and {@code @AfterAll} methods get one resource per class; instance fields and
 * parameters of test, {@code @BeforeEach} and {@code @AfterEach} methods get one per test. Declarations
 * with equal {@link #key keys} in one scope share a resource, and a test finds its class's.
 *
 * <p>Resources are opened in {@code beforeAll}/{@code beforeEach}, before any parameter is resolved: there
 * an {@linkplain org.junit.jupiter.api.Assumptions assumption} that fails skips the class or the test,
 * while JUnit would turn it into an error inside a parameter resolver.
 *
 * @param <A> the annotation that asks for the resource
 * @param <R> the resource; closed when its scope ends
 */
public abstract class ScopedResourceExtension<A extends Annotation, R extends AutoCloseable>
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private final Class<A> annotation;
    private final Class<R> resourceType;
    private final ExtensionContext.Namespace namespace;

    /** An extension for fields and parameters annotated with {@code annotation}. */
    protected ScopedResourceExtension(Class<A> annotation, Class<R> resourceType) {
        this.annotation = annotation;
        this.resourceType = resourceType;
        this.namespace = ExtensionContext.Namespace.create(getClass());
    }

    /** Which resource {@code declaration} asks for: declarations with equal keys in one scope share it. */
    protected abstract Object key(A declaration);

    /** Opens the resource; a failed assumption here skips the class or the test. */
    protected abstract R open(A declaration);

    /**
     * The value to hand to a field or parameter of {@code type} declared at {@code where}; throws
     * {@link ExtensionConfigurationException} when the resource cannot be given as that type.
     */
    protected abstract Object valueOf(R resource, Class<?> type, String where);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        List<Executable> classScoped = new ArrayList<>(List.of(testClass.getDeclaredConstructors()));
        classScoped.addAll(lifecycleMethods(testClass, BeforeAll.class, AfterAll.class));
        openParameters(context, classScoped);
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, annotation,
                f -> Modifier.isStatic(f.getModifiers()))) {
            inject(context, field, null);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        List<Executable> testScoped = new ArrayList<>(List.of(context.getRequiredTestMethod()));
        testScoped.addAll(lifecycleMethods(context.getRequiredTestClass(), BeforeEach.class, AfterEach.class));
        openParameters(context, testScoped);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), annotation,
                    f -> !Modifier.isStatic(f.getModifiers()))) {
                inject(context, field, instance);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(annotation);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        A declaration = parameter.findAnnotation(annotation).orElseThrow();
        return valueOf(resource(context, declaration), parameter.getParameter().getType(),
                parameter.getParameter() + " of " + parameter.getDeclaringExecutable());
    }

    private void openParameters(ExtensionContext context, List<Executable> executables) {
        for (Executable executable : executables) {
            for (Parameter parameter : executable.getParameters()) {
                AnnotationSupport.findAnnotation(parameter, annotation).ifPresent(a -> resource(context, a));
            }
        }
    }

    private void inject(ExtensionContext context, Field field, Object target) throws IllegalAccessException {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@" + annotation.getSimpleName() + " field " + field
                    + " must not be final");
        }
        A declaration = AnnotationSupport.findAnnotation(field, annotation).orElseThrow();
        Object value = valueOf(resource(context, declaration), field.getType(), field.toString());
        field.setAccessible(true); // test classes and their fields are usually package-private
        field.set(target, value);
    }

    private R resource(ExtensionContext context, A declaration) {
        return context.getStore(namespace).getOrComputeIfAbsent(key(declaration), k -> open(declaration),
                resourceType);
    }

    @SafeVarargs
    private static List<Executable> lifecycleMethods(Class<?> testClass, Class<? extends Annotation>... kinds) {
        List<Executable> methods = new ArrayList<>();
        for (Class<? extends Annotation> kind : kinds) {
            methods.addAll(AnnotationSupport.findAnnotatedMethods(testClass, kind, HierarchyTraversalMode.TOP_DOWN));
        }
        return methods;
    }
}
