package io.github.dockerstack.engine;

import java.util.List;
import java.util.Map;

/**
 * A network as the engine reports it.
 *
 * @param id network id
 * @param name name
 * @param driver driver
 * @param labels labels
 * @param internal internal
 * @param attachable attachable
 * @param enableIpv6 IPv6 enabled
 * @param subnets subnets of its address pools
 * @param containerIds containers attached (only filled by inspect)
 */
public record NetworkInfo(String id, String name, String driver, Map<String, String> labels, boolean internal, boolean attachable,
                          boolean enableIpv6, List<String> subnets, List<String> containerIds) {
    public NetworkInfo {
        labels = Copies.map(labels);
        subnets = Copies.list(subnets);
        containerIds = Copies.list(containerIds);
    }
}
