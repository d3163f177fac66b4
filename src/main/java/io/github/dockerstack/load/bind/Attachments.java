package io.github.dockerstack.load.bind;

import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Device;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.ServiceNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a service attaches to: ports, mounts, networks, dependencies, devices, secrets and configs. */
final class Attachments {
    private Attachments() {
    }

    static List<Port> ports(Value v) {
        List<Port> out = new ArrayList<>();
        for (Value p : v.items()) {
            Integer target = p.get("target").port();
            if (target == null) {
                throw p.error("a port needs a target: (the container port)");
            }
            out.add(new Port(
                    p.get("name").string(),
                    p.get("mode").string(),
                    p.get("host_ip").string(),
                    target,
                    published(p.get("published")),
                    p.get("protocol").string(),
                    p.get("app_protocol").string()));
        }
        return out;
    }

    /** A host port or range, kept as text ("8080", "8000-8010"); empty means ephemeral. */
    private static String published(Value v) {
        Object raw = v.raw();
        if (raw == null) {
            return null;
        }
        if (raw instanceof Long) {
            v.port();
            return v.text();
        }
        if (raw instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        throw v.error("must be a host port or range like 8080 or 8000-8010");
    }

    static List<Mount> mounts(Value v) {
        List<Mount> out = new ArrayList<>();
        for (Value m : v.items()) {
            String type = m.get("type").string();
            if (type == null) {
                throw m.error("a volume needs a type: (bind, volume, tmpfs, ...)");
            }
            Value bind = m.get("bind");
            Value volume = m.get("volume");
            Value tmpfs = m.get("tmpfs");
            out.add(new Mount(
                    type,
                    m.get("source").string(),
                    m.get("target").string(),
                    m.get("read_only").bool(false),
                    m.get("consistency").string(),
                    bind.isNull() ? null : new Mount.BindOptions(
                            bind.get("propagation").string(), bind.get("create_host_path").bool(), bind.get("selinux").string()),
                    volume.isNull() ? null : new Mount.VolumeOptions(volume.get("nocopy").bool(), volume.get("subpath").string()),
                    tmpfs.isNull() ? null : new Mount.TmpfsOptions(tmpfs.get("size").bytes(), tmpfs.get("mode").fileMode())));
        }
        return out;
    }

    /** Network attachments; a null value is an attachment without options. */
    static Map<String, ServiceNetwork> networks(Value v) {
        Map<String, ServiceNetwork> out = new LinkedHashMap<>();
        v.entries().forEach((name, n) -> out.put(name, n.isNull() ? null : new ServiceNetwork(
                n.get("aliases").strings(),
                n.get("ipv4_address").string(),
                n.get("ipv6_address").string(),
                n.get("priority").integer(),
                n.get("mac_address").string(),
                n.get("link_local_ips").strings(),
                n.get("driver_opts").textMap())));
        return out;
    }

    static Map<String, DependsOn> dependsOn(Value v) {
        Map<String, DependsOn> out = new LinkedHashMap<>();
        v.entries().forEach((name, d) -> {
            String condition = d.get("condition").string();
            out.put(name, new DependsOn(condition == null ? DependsOn.STARTED : condition,
                    d.get("required").bool(true), d.get("restart").bool(false)));
        });
        return out;
    }

    static List<Device> devices(Value v) {
        List<Device> out = new ArrayList<>();
        for (Value d : v.items()) {
            out.add(new Device(d.get("source").string(), d.get("target").string(), d.get("permissions").string()));
        }
        return out;
    }

    /** A service's secrets or configs; a plain string is the source alone. */
    static List<FileReference> fileReferences(Value v) {
        List<FileReference> out = new ArrayList<>();
        for (Value r : v.items()) {
            if (!r.isMap()) {
                out.add(new FileReference(r.string(), null, null, null, null));
                continue;
            }
            String source = r.get("source").string();
            if (source == null) {
                throw r.error("needs a source: (the key of a top-level secret or config)");
            }
            out.add(new FileReference(source, r.get("target").string(), r.get("uid").string(), r.get("gid").string(),
                    r.get("mode").fileMode()));
        }
        return out;
    }
}
