package io.github.dockerstack.model;

import java.util.List;

/**
 * A service's {@code blkio_config}: block IO weight and throttles, per device path.
 *
 * @param weight relative weight (10 to 1000), or null
 * @param weightDevice weights of single devices
 * @param deviceReadBps read limits in bytes per second
 * @param deviceReadIops read limits in operations per second
 * @param deviceWriteBps write limits in bytes per second
 * @param deviceWriteIops write limits in operations per second
 */
public record BlkioConfig(Integer weight, List<WeightDevice> weightDevice, List<Throttle> deviceReadBps, List<Throttle> deviceReadIops,
        List<Throttle> deviceWriteBps, List<Throttle> deviceWriteIops) {

    public BlkioConfig {
        weightDevice = Lists.copy(weightDevice);
        deviceReadBps = Lists.copy(deviceReadBps);
        deviceReadIops = Lists.copy(deviceReadIops);
        deviceWriteBps = Lists.copy(deviceWriteBps);
        deviceWriteIops = Lists.copy(deviceWriteIops);
    }

    /** The weight of one device. */
    public record WeightDevice(String path, int weight) {
    }

    /** A limit on one device. */
    public record Throttle(String path, long rate) {
    }
}
