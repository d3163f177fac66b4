package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.Map;

/** {@code network_mode} replaces compose networking, so it cannot be combined with {@code networks}. */
final class NetworkModeWithNetworks implements Check {
    @Override
    public void check(CheckContext context) {
        context.services().forEach((name, service) -> {
            Object networks = service.get("networks");
            boolean hasNetworks = networks instanceof Map<?, ?> m ? !m.isEmpty() : !CheckContext.items(networks).isEmpty();
            if (service.get("network_mode") != null && hasNetworks) {
                throw context.problem(Paths.key(CheckContext.servicePath(name), "networks"), "service '" + name
                        + "' sets both 'network_mode' and 'networks', which are mutually exclusive; remove one of them");
            }
        });
    }
}
