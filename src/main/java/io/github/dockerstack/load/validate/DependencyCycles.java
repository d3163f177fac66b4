package io.github.dockerstack.load.validate;

import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.load.validate.ServiceDependencies.Dependency;
import java.util.List;

/** Services cannot depend on each other in a circle (through any kind of dependency), nor on themselves. */
final class DependencyCycles implements Check {
    @Override
    public void check(CheckContext context) {
        List<String> cycle = ServiceGraph.of(ServiceDependencies.byService(context)).findCycle();
        if (cycle.isEmpty()) {
            return;
        }
        // report it where the first edge of the cycle is declared
        Dependency first = ServiceDependencies.of(context).stream()
                .filter(d -> d.service().equals(cycle.get(0)) && d.target().equals(cycle.get(1)))
                .findFirst().orElseThrow();
        throw context.problem(first.path(), "dependency cycle detected: " + String.join(" -> ", cycle)
                + "; remove one of these dependencies (depends_on, links, volumes_from or a 'service:' network_mode, ipc or pid)");
    }
}
