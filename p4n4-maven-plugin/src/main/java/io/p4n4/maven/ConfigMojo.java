package io.p4n4.maven;

import io.p4n4.maven.stack.ComposeStack;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the resolved compose model (files merged, variables interpolated, defaults filled in) as YAML, as
 * {@code docker compose config} prints it. It goes to a file, not to the build log, because it holds the
 * environment values, which may be secrets.
 */
@Mojo(name = "config", threadSafe = true)
public class ConfigMojo extends AbstractStackMojo {

    /** Where the resolved model is written. */
    @Parameter(property = "p4n4.configFile", defaultValue = "${project.build.directory}/p4n4-compose.yaml")
    File configFile = new File("target/p4n4-compose.yaml");

    /** Public for Maven's injection. */
    public ConfigMojo() {
    }

    @Override
    String goal() {
        return "config";
    }

    @Override
    void run(ComposeStack stack) throws MojoExecutionException {
        String yaml = stack.config();
        try {
            File dir = configFile.getAbsoluteFile().getParentFile();
            if (dir != null) {
                Files.createDirectories(dir.toPath());
            }
            Files.writeString(configFile.toPath(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("p4n4:config cannot write " + configFile + ": " + e
                    + "; check that the directory is writable", e);
        }
        getLog().info("p4n4 config: resolved model written to " + configFile);
    }
}
