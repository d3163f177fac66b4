package io.github.dockerstack.maven;

import io.github.dockerstack.stack.BuildRequest;
import io.github.dockerstack.stack.BuildResult;
import io.github.dockerstack.stack.BuiltImage;
import io.github.dockerstack.stack.Stack;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds the images of the selected services that have a {@code build:} section, as {@code docker compose build} does,
 * with the engine's classic builder: an image several services run is built once, independent images in parallel, and
 * an image whose build inputs (context after .dockerignore, Dockerfile, args, target, labels, base image ids) are
 * unchanged is not rebuilt. BuildKit-only Dockerfile syntax fails before anything is sent.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractImageMojo {
    /** Builds even images whose build inputs are unchanged (they are skipped otherwise). */
    @Parameter(property = "docker-stack.forceBuild", defaultValue = "false")
    private boolean forceBuild;

    /** Builds every step without the engine's layer cache, like {@code docker compose build --no-cache}. */
    @Parameter(property = "docker-stack.noCache", defaultValue = "false")
    private boolean noCache;

    /** How many images are built at once. */
    @Parameter(property = "docker-stack.buildParallelism", defaultValue = "2")
    private int buildParallelism;

    @Inject
    public BuildMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Stack stack) {
        BuildResult r = stack.build(new BuildRequest(loadRequest(), engineSettings(),
                forceBuild, noCache, buildParallelism, servers()));
        long skipped = r.images().values().stream().filter(BuiltImage::skipped).count();
        getLog().info("docker-stack: " + r.images().size() + " image(s) of project " + r.project() + " ready in " + r.took().toMillis()
                + " ms (" + (r.images().size() - skipped) + " built, " + skipped + " up to date)");
        r.images().values().stream().sorted((a, b) -> a.service().compareTo(b.service())).forEach(i -> getLog().info("  " + i.service()
                + ": " + i.image() + " " + i.imageId() + (i.skipped() ? " (up to date)" : " (built)")));
    }
}
