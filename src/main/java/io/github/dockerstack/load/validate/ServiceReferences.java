package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.validate.ServiceDependencies.Dependency;
import java.util.Set;

/** {@code links}, {@code volumes_from} and {@code service:x} namespace modes must name services of the project. */
final class ServiceReferences implements Check {
    @Override
    public void check(CheckContext context) {
        Set<String> services = context.services().keySet();
        for (Dependency d : ServiceDependencies.of(context)) {
            if (!d.via().equals("depends_on") && !services.contains(d.target())) {
                throw context.problem(d.path(), "'" + d.via() + "' of service '" + d.service() + "' refers to undefined service '"
                        + d.target() + "'" + Suggestions.hint(d.target(), services) + "; name a service defined under services"
                        + outside(d.via()));
            }
        }
    }

    private static String outside(String via) {
        if (via.equals("links")) {
            return ", or use 'external_links' for a container outside the project";
        }
        return ", or use '" + ServiceDependencies.CONTAINER_PREFIX + "<name>' for a container outside the project";
    }
}
