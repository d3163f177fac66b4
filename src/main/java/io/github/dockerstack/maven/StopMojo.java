package io.github.dockerstack.maven;

import io.github.dockerstack.stack.LifecycleRequest;
import io.github.dockerstack.stack.LifecycleResult;
import io.github.dockerstack.stack.Stack;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the project's containers without removing them (their filesystems survive), as {@code docker compose stop}. */
@Mojo(name = "stop", threadSafe = true, requiresProject = false)
public class StopMojo extends AbstractEngineMojo {
    @Override
    protected void run(Stack stack) {
        LifecycleResult r = stack.stop(new LifecycleRequest(loadRequest(), engineSettings(), wait, waitTimeout()));
        getLog().info("docker-stack: stopped " + r.containers().size() + " containers of project " + r.project() + " in "
                + r.took().toMillis() + " ms");
    }
}
