package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.validate.ServiceDependencies.Dependency;
import java.util.Set;

/** {@code depends_on} must name services of the project, unless the dependency is {@code required: false}. */
final class DependsOnTargets implements Check {
    @Override
    public void check(CheckContext context) {
        Set<String> services = context.services().keySet();
        for (Dependency d : ServiceDependencies.of(context)) {
            if (d.via().equals("depends_on") && d.required() && !services.contains(d.target())) {
                throw context.problem(d.path(), "service '" + d.service() + "' depends on undefined service '" + d.target() + "'"
                        + Suggestions.hint(d.target(), services) + "; define it under services, fix the name, "
                        + "or set 'required: false' if the dependency is optional");
            }
        }
    }
}
