package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Networks a service joins must be defined at the top level; {@code default} always exists. */
final class NetworkReferences implements Check {
    static final String DEFAULT_NETWORK = "default";

    @Override
    public void check(CheckContext context) {
        Set<String> defined = context.section("networks").keySet();
        context.services().forEach((name, service) -> {
            String base = Paths.key(CheckContext.servicePath(name), "networks");
            Object networks = service.get("networks");
            List<String[]> used = new ArrayList<>(); // {network, path}
            if (networks instanceof Map<?, ?> map) {
                map.keySet().forEach(k -> used.add(new String[] {String.valueOf(k), Paths.key(base, String.valueOf(k))}));
            } else {
                List<Object> items = CheckContext.items(networks);
                for (int i = 0; i < items.size(); i++) {
                    used.add(new String[] {String.valueOf(items.get(i)), Paths.index(base, i)});
                }
            }
            for (String[] u : used) {
                if (!u[0].equals(DEFAULT_NETWORK) && !defined.contains(u[0])) {
                    throw context.problem(u[1], "service '" + name + "' uses network '" + u[0]
                            + "', which is not defined under the top-level networks" + Suggestions.hint(u[0], defined)
                            + "; add it there or fix the name");
                }
            }
        });
    }
}
