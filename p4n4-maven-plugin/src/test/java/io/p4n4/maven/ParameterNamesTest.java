package io.p4n4.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import java.io.StringReader;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** Parameter names no goal declares are refused; a name of another goal is accepted. */
class ParameterNamesTest {
    private final PluginDescriptor plugin = new PluginDescriptor();
    private final MojoDescriptor up = mojo("up", "composeFiles", "wait");
    private final MojoDescriptor down = mojo("down", "composeFiles");

    ParameterNamesTest() throws Exception {
        plugin.setGroupId("io.p4n4");
        plugin.setArtifactId("p4n4-maven-plugin");
        plugin.addMojo(up);
        plugin.addMojo(down);
        up.setPluginDescriptor(plugin);
        down.setPluginDescriptor(plugin);
    }

    @Test
    void aParameterOfAnotherGoalAtPluginLevelIsAccepted() throws Exception {
        MavenProject project = project("<configuration><composeFiles/><wait>true</wait></configuration>", null);

        assertThatCode(() -> ParameterNames.refuseUnknown(project, new MojoExecution(down, "stack")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMisspeltParameterAtPluginLevelIsRefusedByName() throws Exception {
        MavenProject project = project("<configuration><composeFile>x.yaml</composeFile></configuration>", null);

        assertThatThrownBy(() -> ParameterNames.refuseUnknown(project, new MojoExecution(up, "stack")))
                .isInstanceOf(P4n4Exception.class)
                .hasMessageStartingWith("p4n4-maven-plugin has no parameter <composeFile> (in the plugin's <configuration>")
                .hasMessageContaining("Known: composeFiles, wait");
    }

    @Test
    void aMisspeltParameterOfThisExecutionIsRefusedNamingTheExecution() throws Exception {
        MavenProject project = project(null, "<configuration><timout>5</timout></configuration>");

        assertThatThrownBy(() -> ParameterNames.refuseUnknown(project, new MojoExecution(up, "stack")))
                .isInstanceOf(P4n4Exception.class).hasMessageContaining("<timout>")
                .hasMessageContaining("execution 'stack'");
    }

    private static MojoDescriptor mojo(String goal, String... parameters) {
        MojoDescriptor m = new MojoDescriptor();
        m.setGoal(goal);
        for (String name : parameters) {
            Parameter p = new Parameter();
            p.setName(name);
            try {
                m.addParameter(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static MavenProject project(String pluginConfig, String executionConfig) throws Exception {
        Plugin p = new Plugin();
        p.setGroupId("io.p4n4");
        p.setArtifactId("p4n4-maven-plugin");
        if (pluginConfig != null) {
            p.setConfiguration(Xpp3DomBuilder.build(new StringReader(pluginConfig)));
        }
        PluginExecution e = new PluginExecution();
        e.setId("stack");
        if (executionConfig != null) {
            e.setConfiguration(Xpp3DomBuilder.build(new StringReader(executionConfig)));
        }
        p.addExecution(e);
        Build build = new Build();
        build.addPlugin(p);
        Model model = new Model();
        model.setBuild(build);
        return new MavenProject(model);
    }
}
