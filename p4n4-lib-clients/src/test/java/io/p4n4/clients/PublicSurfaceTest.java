package io.p4n4.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public types of {@code io.p4n4.clients} expose no implementation: nothing from {@code *.internal}
 * or OkHttp in a public or protected signature, and the shared builder cannot be extended from outside.
 */
class PublicSurfaceTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(ClientBuilder.class, OllamaClientBuilder.class,
            LettaClientBuilder.class, EdgeImpulseClientBuilder.class, InfluxClientBuilder.class,
            ClientFactory.class, ProjectEndpointConfig.class, OpenAiChatBuilder.class,
            io.p4n4.clients.router.ChatRouter.class, io.p4n4.clients.router.ChatRouter.Builder.class,
            io.p4n4.clients.router.ChatProvider.class, io.p4n4.clients.router.ChatCall.class,
            io.p4n4.clients.router.OllamaChatProvider.class, io.p4n4.clients.router.OllamaChatProvider.Builder.class,
            io.p4n4.clients.router.RoutedAnswer.class, io.p4n4.clients.router.Attempt.class,
            io.p4n4.clients.router.RoutingException.class, io.p4n4.clients.router.RouterListener.class,
            io.p4n4.clients.router.BreakerPolicy.class);

    @Test
    void theSharedBuilderIsSealedToTheLibrarysFinalBuilders() {
        assertThat(ClientBuilder.class.isSealed()).isTrue();
        assertThat(ClientBuilder.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(OllamaClientBuilder.class, LettaClientBuilder.class,
                        EdgeImpulseClientBuilder.class, InfluxClientBuilder.class, OpenAiChatBuilder.class)
                .allMatch(c -> Modifier.isFinal(c.getModifiers()));
        assertThat(ClientBuilder.class.getDeclaredConstructors())
                .noneMatch(c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
    }

    @Test
    void noPublicOrProtectedSignatureNamesAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            Stream.of(type.getDeclaredMethods(), type.getDeclaredConstructors(), type.getDeclaredFields())
                    .flatMap(Arrays::stream).map(Member.class::cast).filter(PublicSurfaceTest::visible)
                    .forEach(m -> signature(m).stream().map(Type::getTypeName).filter(PublicSurfaceTest::internal)
                            .forEach(t -> leaks.add(type.getSimpleName() + "." + m.getName() + ": " + t)));
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean visible(Member m) {
        return !m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
    }

    private static List<Type> signature(Member m) {
        List<Type> types = new ArrayList<>();
        if (m instanceof Method method) {
            types.add(method.getGenericReturnType());
        }
        if (m instanceof Executable e) {
            types.addAll(List.of(e.getGenericParameterTypes()));
            types.addAll(List.of(e.getGenericExceptionTypes()));
        }
        if (m instanceof Field f) {
            types.add(f.getGenericType());
        }
        return types;
    }

    private static boolean internal(String typeName) {
        return typeName.contains(".internal.") || typeName.contains("okhttp3.");
    }

    @Test
    void theCheckRecognisesAnInternalType() throws Exception {
        // guards the test itself: the package-private http() does name an internal type
        Method http = ClientBuilder.class.getDeclaredMethod("http");
        assertThat(signature(http)).extracting(Type::getTypeName).anyMatch(PublicSurfaceTest::internal);
        assertThat(visible(http)).isFalse();
        Constructor<?> c = ClientBuilder.class.getDeclaredConstructors()[0];
        assertThat(visible(c)).isFalse();
    }
}
