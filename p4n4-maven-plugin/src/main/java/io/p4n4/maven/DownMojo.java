package io.p4n4.maven;

import io.p4n4.maven.stack.ComposeStack;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Removes the compose project after the integration tests: containers, networks and named volumes. Bound to
 * {@code post-integration-test}, so with failsafe's {@code integration-test} and {@code verify} goals it runs
 * before a failed test fails the build. Give it the same compose files, env files, profiles and project name
 * as {@code up} (plugin-level configuration does that).
 */
@Mojo(name = "down", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class DownMojo extends AbstractEngineMojo {

    /** Public for Maven's injection. */
    public DownMojo() {
    }

    @Override
    String goal() {
        return "down";
    }

    @Override
    void run(ComposeStack stack) {
        stack.down(getLog()::info);
    }
}
