package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.List;
import java.util.Map;

/** A {@code depends_on} condition is one of the three compose knows; a typo must not silently mean "started". */
final class DependsOnConditions implements Check {
    static final List<String> CONDITIONS = List.of("service_started", "service_healthy", "service_completed_successfully");

    @Override
    public void check(CheckContext context) {
        context.services().forEach((service, definition) -> {
            if (!(definition.get("depends_on") instanceof Map<?, ?> dependencies)) {
                return;
            }
            dependencies.forEach((target, value) -> {
                Object condition = value instanceof Map<?, ?> m ? m.get("condition") : null;
                if (condition != null && !CONDITIONS.contains(String.valueOf(condition))) {
                    String path = Paths.key(Paths.key(Paths.key(Paths.key("services", service), "depends_on"), String.valueOf(target)),
                            "condition");
                    throw context.problem(path, "'" + condition + "' is not a depends_on condition" + Suggestions.hint(
                            String.valueOf(condition), CONDITIONS) + "; use service_started, service_healthy or "
                            + "service_completed_successfully");
                }
            });
        });
    }
}
