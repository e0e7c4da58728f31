package io.p4n4.maven;

import io.p4n4.compose.ComposeProject;
import io.p4n4.maven.stack.ComposeStack;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the compose files as {@code docker compose config -q} does (YAML, schema, interpolation, references,
 * profiles) and fails the build naming file, line and key when they are not valid. Needs no engine.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractStackMojo {

    /** Public for Maven's injection. */
    public ValidateMojo() {
    }

    @Override
    String goal() {
        return "validate";
    }

    @Override
    void run(ComposeStack stack) {
        ComposeProject project = stack.validate();
        getLog().info("p4n4 validate: project " + project.name() + " is valid: " + project.services().size()
                + " services " + project.services().keySet() + " from " + project.composeFiles());
    }
}
