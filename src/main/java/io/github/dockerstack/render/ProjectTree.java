package io.github.dockerstack.render;

import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Volume;
import java.util.LinkedHashMap;
import java.util.Map;

/** The whole project in the shape {@code docker compose config} prints, for one {@link Flavor}. */
final class ProjectTree {
    private final Flavor flavor;

    ProjectTree(Flavor flavor) {
        this.flavor = flavor;
    }

    private Fields fields() {
        return new Fields(flavor);
    }

    Map<String, Object> project(Project p) {
        ServiceTree services = new ServiceTree(flavor);
        Map<String, Object> serviceMap = Fields.goMap(flavor, p.services(), services::service);
        if (flavor == Flavor.YAML) {
            // the Project struct: name, services, networks, volumes, secrets, configs, then x-* inline
            return fields()
                    .opt("name", p.name())
                    .put("services", serviceMap)
                    .map("networks", p.networks(), this::network)
                    .map("volumes", p.volumes(), this::volume)
                    .map("secrets", p.secrets(), s -> fileObject(s, true))
                    .map("configs", p.configs(), c -> fileObject(c, false))
                    .extensions(p.extensions())
                    .done();
        }
        // JSON: a Go map holding the same entries, so every top-level key is sorted
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", p.name() == null ? "" : p.name());
        top.put("services", serviceMap);
        putIfAny(top, "networks", Fields.goMap(flavor, p.networks(), this::network));
        putIfAny(top, "volumes", Fields.goMap(flavor, p.volumes(), this::volume));
        putIfAny(top, "secrets", Fields.goMap(flavor, p.secrets(), s -> fileObject(s, true)));
        putIfAny(top, "configs", Fields.goMap(flavor, p.configs(), c -> fileObject(c, false)));
        p.extensions().forEach((k, v) -> top.put(k, Fields.goValue(flavor, v)));
        return Fields.goMap(flavor, top, v -> v);
    }

    private static void putIfAny(Map<String, Object> top, String key, Map<String, Object> value) {
        if (!value.isEmpty()) {
            top.put(key, value);
        }
    }

    private Object network(Network n) {
        Network.Ipam ipam = n.ipam();
        Fields ipamFields = fields();
        if (ipam != null) {
            ipamFields.opt("driver", ipam.driver())
                    .list("config", ipam.config(), pool -> fields()
                            .opt("subnet", pool.subnet())
                            .opt("gateway", pool.gateway())
                            .opt("ip_range", pool.ipRange())
                            .map("aux_addresses", pool.auxAddresses())
                            .done())
                    .map("options", ipam.options());
        }
        return fields()
                .opt("name", n.name())
                .opt("driver", n.driver())
                .map("driver_opts", n.driverOpts())
                .struct("ipam", ipamFields.done())
                .opt("external", n.external())
                .opt("internal", n.internal())
                .opt("attachable", n.attachable())
                .map("labels", n.labels())
                .ptr("enable_ipv6", n.enableIpv6())
                .extensions(n.extensions())
                .done();
    }

    private Object volume(Volume v) {
        return fields()
                .opt("name", v.name())
                .opt("driver", v.driver())
                .map("driver_opts", v.driverOpts())
                .opt("external", v.external())
                .map("labels", v.labels())
                .extensions(v.extensions())
                .done();
    }

    /**
     * Secrets never print their content; configs print it unless it came from an environment
     * variable (compose prints the variable's name instead).
     */
    private Object fileObject(FileObject f, boolean secret) {
        boolean showContent = !secret && (f.environment() == null || f.environment().isEmpty());
        return fields()
                .opt("name", f.name())
                .opt("file", f.file())
                .opt("environment", f.environment())
                .opt("content", showContent ? f.content() : null)
                .opt("external", f.external())
                .map("labels", f.labels())
                .extensions(f.extensions())
                .done();
    }
}
