package io.github.dockerstack.maven;

import io.github.dockerstack.stack.ConfigRequest;
import io.github.dockerstack.stack.ConfigResult;
import io.github.dockerstack.stack.Stack;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the resolved compose project, as {@code docker compose config} does. Needs no engine.
 */
@Mojo(name = "config", threadSafe = true, requiresProject = false)
public class ConfigMojo extends AbstractStackMojo {
    /** Output format: {@code yaml} or {@code json}. */
    @Parameter(property = "docker-stack.format", defaultValue = "yaml")
    private String format;

    /** Writes the model to this file instead of the build log. */
    @Parameter(property = "docker-stack.output")
    private File output;

    @Override
    protected void run(Stack stack) throws MojoExecutionException, MojoFailureException {
        ConfigResult result = stack.config(new ConfigRequest(loadRequest(), format()));
        if (output == null) {
            // as it is, on standard output, like docker compose config: usable with -q and a redirect
            System.out.print(result.text().endsWith("\n") ? result.text() : result.text() + "\n");
            System.out.flush();
            return;
        }
        try {
            File parent = output.getAbsoluteFile().getParentFile();
            Files.createDirectories(parent.toPath());
            Files.writeString(output.toPath(), result.text(), StandardCharsets.UTF_8);
            getLog().info("docker-stack: wrote the configuration of project " + result.project().name() + " to " + output);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private ConfigRequest.Format format() throws MojoFailureException {
        try {
            return ConfigRequest.Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("docker-stack.format must be 'yaml' or 'json', not '" + format + "'");
        }
    }
}
