package io.github.dockerstack.engine;

import java.util.List;
import java.util.Map;

/**
 * A container's attachment to a network, at create time (the first network) or by connect.
 *
 * @param network engine-side network name
 * @param aliases DNS names of the container on that network
 * @param ipv4Address fixed IPv4 address, or null
 * @param ipv6Address fixed IPv6 address, or null
 * @param macAddress fixed MAC address on this network, or null (engine API 1.44+ for networks other than the first)
 * @param links legacy links "container:alias" on that network
 * @param linkLocalIps link-local addresses on that network
 * @param driverOpts options for the network driver on this endpoint
 */
public record NetworkEndpoint(String network, List<String> aliases, String ipv4Address, String ipv6Address, String macAddress,
                              List<String> links, List<String> linkLocalIps, Map<String, String> driverOpts) {
    public NetworkEndpoint {
        aliases = Copies.list(aliases);
        links = Copies.list(links);
        linkLocalIps = Copies.list(linkLocalIps);
        driverOpts = Copies.map(driverOpts);
    }

    public static NetworkEndpoint of(String network, List<String> aliases) {
        return new NetworkEndpoint(network, aliases, null, null, null, List.of(), List.of(), Map.of());
    }
}
