package io.github.dockerstack.engine.dockerjava;

import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeSpec;

/** The bodies of the engine's network create, network connect and volume create calls, as {@link ContainerBody} writes a container's. */
final class ResourceBodies {
    private ResourceBodies() {
    }

    static byte[] network(NetworkSpec spec) {
        return JsonBody.object(body -> {
            body.string("Name", spec.name()).bool("CheckDuplicate", true).string("Driver", spec.driver())
                    .map("Options", spec.driverOptions()).bool("Internal", spec.internal()).bool("Attachable", spec.attachable())
                    .bool("EnableIPv6", spec.enableIpv6()).map("Labels", spec.labels());
            if (spec.ipamDriver() != null || !spec.ipamPools().isEmpty() || !spec.ipamOptions().isEmpty()) {
                body.object("IPAM", ipam -> ipam.string("Driver", spec.ipamDriver())
                        .objects("Config", spec.ipamPools(), (pool, config) -> config.string("Subnet", pool.subnet())
                                .string("IPRange", pool.ipRange()).string("Gateway", pool.gateway())
                                .map("AuxiliaryAddresses", pool.auxAddresses()))
                        .map("Options", spec.ipamOptions()));
            }
        });
    }

    static byte[] volume(VolumeSpec spec) {
        return JsonBody.object(body -> body.string("Name", spec.name()).string("Driver", spec.driver()).map("DriverOpts", spec.options())
                .map("Labels", spec.labels()));
    }

    /** Connects a created container to one more network, with that endpoint's settings. */
    static byte[] connect(String containerId, NetworkEndpoint endpoint) {
        return JsonBody.object(body -> body.string("Container", containerId).object("EndpointConfig",
                e -> ContainerBody.endpoint(endpoint, ContainerBody.withAliases(endpoint.links()), true, e)));
    }
}
