package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.HashMap;
import java.util.Map;

/** Two services cannot ask for the same container name: the engine would refuse the second one. */
final class DuplicateContainerNames implements Check {
    @Override
    public void check(CheckContext context) {
        Map<String, String> owners = new HashMap<>();
        context.services().forEach((name, service) -> {
            String containerName = CheckContext.text(service.get("container_name"));
            if (containerName == null || containerName.isEmpty()) {
                return;
            }
            String owner = owners.putIfAbsent(containerName, name);
            if (owner != null) {
                throw context.problem(Paths.key(CheckContext.servicePath(name), "container_name"), "services '" + owner + "' and '" + name
                        + "' both use container_name '" + containerName + "'; container names must be unique, change or remove one");
            }
        });
    }
}
