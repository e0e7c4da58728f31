package io.p4n4.maven;

import io.p4n4.maven.stack.ComposeStack;
import io.p4n4.maven.stack.PublishedPorts;
import io.p4n4.maven.stack.StackSettings;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Brings the compose project up before the integration tests, sets each published port as the project property
 * {@code p4n4.<service>.<containerPort>} (and {@code p4n4.published.host}), and writes them to
 * {@code target/p4n4-ports.properties}. When it fails, it removes what it started.
 */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpMojo extends AbstractEngineMojo {

    /** Wait until every service is healthy (or running, without a healthcheck), as {@code up --wait} does. */
    @Parameter(property = "p4n4.wait", defaultValue = "true")
    boolean wait = true;

    /** The longest {@code up} may take, waiting included, in seconds. */
    @Parameter(property = "p4n4.timeout", defaultValue = "300")
    int timeout = 300;

    /** Where the published ports are written. */
    @Parameter(property = "p4n4.portsFile", defaultValue = "${project.build.directory}/p4n4-ports.properties")
    File portsFile = new File("target/p4n4-ports.properties");

    /** Public for Maven's injection. */
    public UpMojo() {
    }

    @Override
    String goal() {
        return "up";
    }

    @Override
    void configure(StackSettings.Builder settings) {
        super.configure(settings);
        settings.waitReady(wait).timeout(Duration.ofSeconds(timeout));
    }

    @Override
    void run(ComposeStack stack) {
        PublishedPorts ports = stack.up(getLog()::info);
        ports.properties().forEach((k, v) -> {
            project().getProperties().setProperty(k, v);
            getLog().info("  " + k + "=" + v);
        });
        ports.writeTo(portsFile.toPath());
        getLog().info("p4n4 up: published ports written to " + portsFile);
    }
}
