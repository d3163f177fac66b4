package io.github.dockerstack.model;

import java.util.List;
import java.util.Map;

/**
 * A top-level network.
 *
 * @param name engine-side name: the fixed {@code name:} or {@code <project>_<key>}
 * @param driver driver, or null for the engine default (bridge)
 * @param driverOpts driver options
 * @param ipam IP address management, or null
 * @param external defined outside the project: never created nor removed
 * @param internal no external connectivity
 * @param attachable standalone containers may attach
 * @param enableIpv6 IPv6 enabled, or null
 * @param labels labels
 * @param extensions x-* attributes
 */
public record Network(String name, String driver, Map<String, String> driverOpts, Ipam ipam, boolean external, boolean internal,
                      boolean attachable, Boolean enableIpv6, Map<String, String> labels, Map<String, Object> extensions) {
    public Network {
        driverOpts = Maps.copy(driverOpts);
        labels = Maps.copy(labels);
        extensions = Maps.copy(extensions);
    }

    /** @param driver IPAM driver, or null; @param config address pools; @param options driver options */
    public record Ipam(String driver, List<IpamPool> config, Map<String, String> options) {
        public Ipam {
            config = Lists.copy(config);
            options = Maps.copy(options);
        }
    }

    /** One address pool: subnet, ip range, gateway, auxiliary addresses. */
    public record IpamPool(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
        public IpamPool {
            auxAddresses = Maps.copy(auxAddresses);
        }
    }
}
