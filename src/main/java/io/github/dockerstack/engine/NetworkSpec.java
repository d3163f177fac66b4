package io.github.dockerstack.engine;

import java.util.List;
import java.util.Map;

/**
 * A network to create.
 *
 * @param name engine-side name
 * @param driver driver, or null for the engine default (bridge)
 * @param driverOptions driver options
 * @param ipamDriver IPAM driver, or null for the default
 * @param ipamPools address pools
 * @param ipamOptions IPAM driver options
 * @param internal no external connectivity
 * @param attachable standalone containers may attach (overlay)
 * @param enableIpv6 IPv6, or null for the engine default
 * @param labels labels
 */
public record NetworkSpec(String name, String driver, Map<String, String> driverOptions, String ipamDriver, List<IpamPool> ipamPools,
                          Map<String, String> ipamOptions, boolean internal, boolean attachable, Boolean enableIpv6,
                          Map<String, String> labels) {
    public NetworkSpec {
        driverOptions = Copies.map(driverOptions);
        ipamPools = Copies.list(ipamPools);
        ipamOptions = Copies.map(ipamOptions);
        labels = Copies.map(labels);
    }

    /** A bridge network with default settings. */
    public static NetworkSpec of(String name, Map<String, String> labels) {
        return new NetworkSpec(name, null, Map.of(), null, List.of(), Map.of(), false, false, null, labels);
    }

    /** One address pool: subnet, ip range, gateway (each may be null) and auxiliary addresses. */
    public record IpamPool(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
        public IpamPool {
            auxAddresses = Copies.map(auxAddresses);
        }
    }
}
