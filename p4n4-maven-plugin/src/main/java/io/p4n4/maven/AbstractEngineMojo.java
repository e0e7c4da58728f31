package io.p4n4.maven;

import io.p4n4.maven.stack.EngineChoice;
import io.p4n4.maven.stack.StackSettings;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** The parameters of the goals that talk to a container engine: {@code engine} and {@code host}. */
abstract class AbstractEngineMojo extends AbstractStackMojo {

    /** {@code auto} (the library's discovery: P4N4_ENGINE, DOCKER_HOST, the usual sockets), {@code docker} or {@code podman}. */
    @Parameter(property = "p4n4.engine", defaultValue = "auto")
    String engine = "auto";

    /** The engine endpoint ({@code unix:///run/podman/podman.sock}, {@code tcp://host:2375}); none: discovered. */
    @Parameter(property = "p4n4.host")
    @Nullable String host;

    @Override
    void configure(StackSettings.Builder settings) {
        settings.engine(EngineChoice.parse(engine)).host(host);
    }
}
