package io.github.dockerstack.maven;

import io.github.dockerstack.stack.LifecycleRequest;
import io.github.dockerstack.stack.LifecycleResult;
import io.github.dockerstack.stack.Stack;
import org.apache.maven.plugins.annotations.Mojo;

/** Starts the project's existing containers again, in dependency order, as {@code docker compose start}. */
@Mojo(name = "start", threadSafe = true, requiresProject = false)
public class StartMojo extends AbstractEngineMojo {
    @Override
    protected void run(Stack stack) {
        LifecycleResult r = stack.start(new LifecycleRequest(loadRequest(), engineSettings(), wait, waitTimeout()));
        getLog().info("docker-stack: started " + r.containers().size() + " containers of project " + r.project() + " in "
                + r.took().toMillis() + " ms");
    }
}
