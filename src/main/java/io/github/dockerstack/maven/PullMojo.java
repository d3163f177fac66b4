package io.github.dockerstack.maven;

import io.github.dockerstack.stack.PullRequest;
import io.github.dockerstack.stack.PullResult;
import io.github.dockerstack.stack.Stack;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pulls the images of the selected services, as {@code docker compose pull} does: up to four at once, each image once,
 * with credentials from settings.xml servers or the Docker CLI's configuration. A service with {@code pull_policy: never}
 * or {@code build} is left alone; a failed pull of an image the project can build is only a warning.
 */
@Mojo(name = "pull", threadSafe = true)
public class PullMojo extends AbstractImageMojo {
    /**
     * A pull policy for every service, overriding their {@code pull_policy} (like {@code docker compose pull --policy}):
     * {@code always}, {@code missing} (pull what is absent, and {@code latest} tags), {@code never}, ... Empty: each
     * service's own; a service without one is pulled.
     */
    @Parameter(property = "docker-stack.pull")
    private String pull;

    @Inject
    public PullMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Stack stack) {
        PullResult r = stack.pull(new PullRequest(loadRequest(), engineSettings(), pull,
                servers()));
        long updated = r.images().values().stream().filter(i -> i.updated()).count();
        getLog().info("docker-stack: pulled " + r.images().size() + " image(s) of project " + r.project() + " in " + r.took().toMillis()
                + " ms (" + updated + " updated, " + (r.images().size() - updated) + " up to date)");
        if (!r.mustBuild().isEmpty()) {
            getLog().warn("docker-stack: the images of " + r.mustBuild() + " could not be pulled; build them with docker-stack:build");
        }
    }
}
