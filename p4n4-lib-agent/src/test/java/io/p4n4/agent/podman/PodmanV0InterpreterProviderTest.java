package io.p4n4.agent.podman;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import io.p4n4.agent.score.PodmanV0Score;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PodmanV0InterpreterProviderTest {

    @Test
    void serviceLoaderFindsTheProvider() {
        List<ScoreInterpreterProvider> found = ServiceLoader.load(ScoreInterpreterProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(found).extracting(ScoreInterpreterProvider::id).contains("podman-v0");
    }

    @Test
    void withoutAnEngineItOffersNothing() {
        var context = new ScoreInterpreterProvider.Context("pi-1", null, Duration.ofSeconds(5));

        assertThat(new PodmanV0InterpreterProvider().create(context)).isEmpty();
    }

    @Test
    void withAnEngineItOffersThePodmanV0InterpreterOnThatEngine() {
        // only id() is called while creating; any other call would fail the test
        ContainerEngine engine = (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("id")) {
                        return "docker";
                    }
                    throw new AssertionError("unexpected engine call " + method.getName());
                });
        var context = new ScoreInterpreterProvider.Context("pi-1", engine, Duration.ofSeconds(5));

        List<ScoreInterpreter<?>> created = new PodmanV0InterpreterProvider().create(context);

        assertThat(created).singleElement().satisfies(i -> {
            assertThat(i.scoreType()).isEqualTo(PodmanV0Score.TYPE);
            assertThat(i.id()).isEqualTo("containers-docker");
        });
    }
}
