package io.github.dockerstack.model;

import java.util.List;
import java.util.Map;

/**
 * A service's attachment to a network.
 *
 * @param aliases extra DNS names of the service on that network
 * @param ipv4Address fixed IPv4 address, or null
 * @param ipv6Address fixed IPv6 address, or null
 * @param priority connection order (higher first)
 * @param macAddress fixed MAC address, or null
 * @param linkLocalIps link-local addresses
 * @param driverOpts options for the network driver on this endpoint
 */
public record ServiceNetwork(List<String> aliases, String ipv4Address, String ipv6Address, Integer priority, String macAddress,
                             List<String> linkLocalIps, Map<String, String> driverOpts) {
    public ServiceNetwork {
        aliases = Lists.copy(aliases);
        linkLocalIps = Lists.copy(linkLocalIps);
        driverOpts = Maps.copy(driverOpts);
    }
}
