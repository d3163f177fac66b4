package io.github.dockerstack.maven;

import io.github.dockerstack.stack.LifecycleRequest;
import io.github.dockerstack.stack.PsResult;
import io.github.dockerstack.stack.PsRow;
import io.github.dockerstack.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the project's containers: service, container, state, health, published ports; as {@code docker compose ps -a}. */
@Mojo(name = "ps", threadSafe = true, requiresProject = false)
public class PsMojo extends AbstractEngineMojo {
    @Override
    protected void run(Stack stack) {
        PsResult r = stack.ps(new LifecycleRequest(loadRequest(), engineSettings(), false, waitTimeout()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "CONTAINER", "STATE", "HEALTH", "PORTS"));
        for (PsRow row : r.rows()) {
            rows.add(List.of(row.service(), row.container(), row.state(), row.health() == null ? "" : row.health(),
                    String.join(", ", row.ports())));
        }
        getLog().info("docker-stack: project " + r.project());
        Table.format(rows).forEach(getLog()::info);
    }
}
