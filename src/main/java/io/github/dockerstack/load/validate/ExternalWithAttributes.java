package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.Map;

/**
 * An external resource exists outside the project: compose neither creates nor configures it, so
 * besides {@code external} only {@code name} (and extensions) may be set.
 */
final class ExternalWithAttributes implements Check {
    private final String section;
    private final String singular;

    /** @param section a top-level section: {@code volumes} or {@code networks} */
    ExternalWithAttributes(String section) {
        this.section = section;
        this.singular = section.substring(0, section.length() - 1);
    }

    @Override
    public void check(CheckContext context) {
        context.section(section).forEach((key, value) -> {
            Map<String, Object> resource = CheckContext.mapping(value);
            Object external = resource.get("external");
            // the legacy form external: {name: x} is external too
            if (!(external instanceof Map) && !Boolean.TRUE.equals(CheckContext.bool(external))) {
                return;
            }
            for (String attribute : resource.keySet()) {
                if (!attribute.equals("external") && !attribute.equals("name") && !attribute.startsWith("x-")) {
                    throw context.problem(Paths.key(Paths.key(section, key), attribute), "external " + singular + " '" + key
                            + "' cannot set '" + attribute + "': compose does not create external " + section
                            + "; remove '" + attribute + "' (only 'name' may be set) or remove 'external: true'");
                }
            }
        });
    }
}
