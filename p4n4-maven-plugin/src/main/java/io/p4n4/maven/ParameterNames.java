package io.p4n4.maven;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a parameter name that no goal of this plugin declares. Maven hands a goal only the parameters it
 * declares and drops the rest without a word, so a misspelt {@code <composeFile>} would otherwise leave the
 * default compose file in use. A name another goal declares is accepted: plugin-level configuration is shared
 * by all goals ({@code wait} there applies to {@code up} only).
 */
final class ParameterNames {

    private ParameterNames() {
    }

    /**
     * Checks the plugin-level configuration and that of {@code execution} in {@code project}'s POM.
     *
     * @throws P4n4Exception USER naming the unknown parameter, where it is, and the known names
     */
    static void refuseUnknown(MavenProject project, MojoExecution execution) {
        PluginDescriptor plugin = execution.getMojoDescriptor().getPluginDescriptor();
        Set<String> known = new TreeSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (Parameter p : mojo.getParameters()) {
                known.add(p.getName());
                if (p.getAlias() != null) {
                    known.add(p.getAlias());
                }
            }
        }
        Plugin declared = project.getPlugin(plugin.getPluginLookupKey());
        if (declared == null) {
            return; // run from the command line without a <plugin> entry: only -D properties, which are named
        }
        check(declared.getConfiguration(), "the plugin's <configuration>", known, project);
        for (PluginExecution e : declared.getExecutions()) {
            if (e.getId().equals(execution.getExecutionId())) {
                check(e.getConfiguration(), "the <configuration> of execution '" + e.getId() + "'", known, project);
            }
        }
    }

    private static void check(@Nullable Object configuration, String where, Set<String> known, MavenProject project) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            if (!known.contains(child.getName())) {
                throw new P4n4Exception(ErrorCode.USER, "p4n4-maven-plugin has no parameter <" + child.getName()
                        + "> (in " + where + " of " + project.getFile() + "); fix its name or remove it. Known: "
                        + String.join(", ", known));
            }
        }
    }
}
