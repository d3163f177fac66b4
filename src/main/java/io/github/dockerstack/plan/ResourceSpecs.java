package io.github.dockerstack.plan;

import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeSpec;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Networks and volumes as Compose creates them: the model's settings plus the project, key and version labels. */
public final class ResourceSpecs {
    private ResourceSpecs() {
    }

    /** The engine-side name: the model's, else {@code <project>_<key>}. */
    public static String networkName(Project project, String key) {
        Network n = project.networks().get(key);
        return n != null && n.name() != null ? n.name() : project.name() + "_" + key;
    }

    public static String volumeName(Project project, String key) {
        Volume v = project.volumes().get(key);
        return v != null && v.name() != null ? v.name() : project.name() + "_" + key;
    }

    public static NetworkSpec network(Project project, String key) {
        Network n = project.networks().get(key);
        Map<String, String> labels = new LinkedHashMap<>(n.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.NETWORK, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        Network.Ipam ipam = n.ipam();
        List<NetworkSpec.IpamPool> pools = ipam == null ? List.of() : ipam.config().stream()
                .map(p -> new NetworkSpec.IpamPool(p.subnet(), p.ipRange(), p.gateway(), p.auxAddresses())).toList();
        return new NetworkSpec(networkName(project, key), n.driver(), n.driverOpts(), ipam == null ? null : ipam.driver(), pools,
                ipam == null ? Map.of() : ipam.options(), n.internal(), n.attachable(), n.enableIpv6(), labels);
    }

    public static VolumeSpec volume(Project project, String key) {
        Volume v = project.volumes().get(key);
        Map<String, String> labels = new LinkedHashMap<>(v.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.VOLUME, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        return new VolumeSpec(volumeName(project, key), v.driver(), v.driverOpts(), labels);
    }
}
