package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Secrets (or configs) a service, or its build, uses must be defined in the top-level section of that name. */
final class FileObjectReferences implements Check {
    private final String section;
    private final String singular;

    /** @param section {@code secrets} or {@code configs} */
    FileObjectReferences(String section) {
        this.section = section;
        this.singular = section.substring(0, section.length() - 1);
    }

    @Override
    public void check(CheckContext context) {
        Set<String> defined = context.section(section).keySet();
        context.services().forEach((name, service) -> {
            String base = CheckContext.servicePath(name);
            check(context, name, defined, service.get(section), Paths.key(base, section));
            Object build = CheckContext.mapping(service.get("build")).get(section);
            check(context, name, defined, build, Paths.key(Paths.key(base, "build"), section));
        });
    }

    private void check(CheckContext context, String service, Set<String> defined, Object references, String base) {
        List<Object> items = CheckContext.items(references);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String source = CheckContext.text(item instanceof Map ? CheckContext.mapping(item).get("source") : item);
            if (source != null && !defined.contains(source)) {
                throw context.problem(Paths.index(base, i), "service '" + service + "' uses " + singular + " '" + source
                        + "', which is not defined under the top-level " + section + Suggestions.hint(source, defined)
                        + "; add it there or fix the name");
            }
        }
    }
}
