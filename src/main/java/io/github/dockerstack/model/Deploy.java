package io.github.dockerstack.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The parts of {@code deploy} that a single engine honours.
 *
 * @param mode "replicated" (default) or "global"
 * @param replicas number of containers, or null
 * @param labels service labels
 * @param resources limits and reservations
 * @param restartPolicy restart policy
 */
public record Deploy(String mode, Integer replicas, Map<String, String> labels, Resources resources, RestartPolicy restartPolicy) {
    public Deploy {
        labels = Maps.copy(labels);
    }

    /** @param reservedDevices {@code reservations.devices}: device requests */
    public record Resources(Limits limits, Limits reservations, List<DeviceRequest> reservedDevices) {
        public Resources {
            reservedDevices = Lists.copy(reservedDevices);
        }
    }

    /** @param cpus CPUs (fractional), @param memory bytes, @param pids maximum process count */
    public record Limits(Double cpus, Long memory, Long pids) {
    }

    /** @param condition "none", "on-failure" or "any" */
    public record RestartPolicy(String condition, Duration delay, Integer maxAttempts, Duration window) {
    }
}
