package io.github.dockerstack.model;

import java.util.List;
import java.util.Map;

/**
 * A request for devices a driver provides (GPUs): an entry of {@code gpus} or of
 * {@code deploy.resources.reservations.devices}.
 *
 * @param capabilities what the devices must offer ("gpu", "compute", ...)
 * @param driver the device driver ("nvidia"), or null for the engine's choice
 * @param count how many devices; -1 for all (compose's default when neither count nor ids are given)
 * @param deviceIds the devices by id
 * @param options driver options
 */
public record DeviceRequest(List<String> capabilities, String driver, long count, List<String> deviceIds, Map<String, String> options) {
    public static final long ALL = -1;

    public DeviceRequest {
        capabilities = Lists.copy(capabilities);
        deviceIds = Lists.copy(deviceIds);
        options = Maps.copy(options);
    }
}
