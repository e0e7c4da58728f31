package io.p4n4.maven;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.maven.stack.ComposeStack;
import io.p4n4.maven.stack.StackSettings;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * The parameters every goal applies (the compose files, env files, profiles, project name, skip) and the
 * translation of the neutral core's errors into Maven's: a USER or VALIDATION error (bad input) fails the
 * build, anything else (the engine) is a build error. Goals add their own parameters in subclasses, so a goal
 * declares only what it applies.
 */
abstract class AbstractStackMojo extends AbstractMojo {

    /** The project whose base directory relative paths start at and whose properties {@code up} sets. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    @Nullable MavenProject project;

    /** This goal's execution, whose configuration is checked for names no goal knows. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    @Nullable MojoExecution mojoExecution;

    /** Compose files in merge order, relative to the project directory; none: {@code compose.yaml} etc. there. */
    @Parameter(property = "p4n4.composeFiles")
    @Nullable List<File> composeFiles;

    /** Project env files ({@code --env-file}); none: the project directory's {@code .env}. */
    @Parameter(property = "p4n4.envFiles")
    @Nullable List<File> envFiles;

    /** Profiles to activate; none: {@code COMPOSE_PROFILES}. */
    @Parameter(property = "p4n4.profiles")
    @Nullable List<String> profiles;

    /** The compose project name; none: derived from the project directory, as Compose does. */
    @Parameter(property = "p4n4.projectName")
    @Nullable String projectName;

    /** Skips the goal ({@code -Dp4n4.skip}). */
    @Parameter(property = "p4n4.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("p4n4:" + goal() + " skipped (skip / -Dp4n4.skip is true)");
            return;
        }
        try {
            if (mojoExecution != null) {
                ParameterNames.refuseUnknown(project(), mojoExecution);
            }
            StackSettings.Builder settings = StackSettings.builder(project().getBasedir().toPath());
            if (composeFiles != null) {
                settings.composeFiles(composeFiles.stream().map(File::toPath).toList());
            }
            if (envFiles != null) {
                settings.envFiles(envFiles.stream().map(File::toPath).toList());
            }
            if (profiles != null) {
                settings.profiles(profiles);
            }
            settings.projectName(projectName);
            configure(settings);
            run(ComposeStack.of(settings.build()));
        } catch (P4n4Exception e) {
            String message = "p4n4:" + goal() + " failed: " + e.getMessage();
            if (e.code() == ErrorCode.USER || e.code() == ErrorCode.VALIDATION) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        }
    }

    /** The project (injected by Maven). */
    final MavenProject project() {
        if (project == null) {
            throw new IllegalStateException("Maven injects the project before execute()");
        }
        return project;
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** Applies the goal's own parameters; refuses (P4n4Exception USER) what it cannot apply. */
    void configure(StackSettings.Builder settings) {
    }

    /** Does the goal's work. */
    abstract void run(ComposeStack stack) throws MojoExecutionException;
}
