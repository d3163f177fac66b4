package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.model.BlkioRateDevice;
import com.github.dockerjava.api.model.BlkioWeightDevice;
import com.github.dockerjava.api.model.HostConfig;
import io.github.dockerstack.engine.ContainerSpec;
import java.util.List;

/**
 * The host config's finer kernel controls: CPU scheduling periods, swappiness, block IO, device
 * cgroup rules, the cgroup and UTS namespaces and storage driver options. Unset values are left
 * out of the request, so the engine's defaults apply.
 */
final class KernelControls {
    private KernelControls() {
    }

    static void apply(ContainerSpec spec, HostConfig host) {
        host.withCpuPeriod(spec.cpuPeriod()).withCpuQuota(spec.cpuQuota())
                .withCpuRealtimePeriod(spec.cpuRealtimePeriod()).withCpuRealtimeRuntime(spec.cpuRealtimeRuntime())
                .withMemorySwappiness(spec.memorySwappiness())
                .withCgroupnsMode(spec.cgroupnsMode()).withUtSMode(spec.utsMode());
        if (!spec.deviceCgroupRules().isEmpty()) {
            host.withDeviceCgroupRules(spec.deviceCgroupRules());
        }
        if (!spec.storageOpt().isEmpty()) {
            host.withStorageOpt(spec.storageOpt());
        }
        ContainerSpec.Blkio blkio = spec.blkio();
        if (blkio != null) {
            host.withBlkioWeight(blkio.weight());
            if (!blkio.weightDevice().isEmpty()) {
                host.withBlkioWeightDevice(blkio.weightDevice().stream()
                        .map(d -> new BlkioWeightDevice().withPath(d.path()).withWeight(Math.toIntExact(d.value()))).toList());
            }
            host.withBlkioDeviceReadBps(rates(blkio.readBps())).withBlkioDeviceReadIOps(rates(blkio.readIops()))
                    .withBlkioDeviceWriteBps(rates(blkio.writeBps())).withBlkioDeviceWriteIOps(rates(blkio.writeIops()));
        }
    }

    private static List<BlkioRateDevice> rates(List<ContainerSpec.DeviceLimit> limits) {
        return limits.isEmpty() ? null : limits.stream().map(d -> new BlkioRateDevice().withPath(d.path()).withRate(d.value())).toList();
    }
}
