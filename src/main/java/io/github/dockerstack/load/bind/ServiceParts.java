package io.github.dockerstack.load.bind;

import io.github.dockerstack.model.BlkioConfig;
import io.github.dockerstack.model.Build;
import io.github.dockerstack.model.Deploy;
import io.github.dockerstack.model.DeviceRequest;
import io.github.dockerstack.model.EnvFile;
import io.github.dockerstack.model.Healthcheck;
import io.github.dockerstack.model.Hook;
import io.github.dockerstack.model.Logging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service's nested sections that describe how it runs: build, env_file, healthcheck, deploy, blkio_config, logging, hooks. */
final class ServiceParts {
    private ServiceParts() {
    }

    static Build build(Value b) {
        if (b.isNull()) {
            return null;
        }
        if (!b.isMap()) {
            return new Build(b.string(), null, null, null, null, null, null, null, null, null, null, null, null);
        }
        return new Build(
                b.get("context").string(),
                b.get("dockerfile").string(),
                b.get("dockerfile_inline").string(),
                b.get("args").textMapKeepingNull(),
                b.get("target").string(),
                b.get("labels").textMap(),
                b.get("cache_from").strings(),
                b.get("network").string(),
                b.get("extra_hosts").strings(),
                b.get("shm_size").bytes(),
                b.get("tags").strings(),
                b.get("pull").bool(),
                b.get("platforms").strings(),
                b.get("no_cache").bool());
    }

    static List<EnvFile> envFiles(Value v) {
        List<EnvFile> out = new ArrayList<>();
        if (v.raw() instanceof String) {
            out.add(new EnvFile(v.string(), true, null));
            return out;
        }
        for (Value e : v.items()) {
            if (!e.isMap()) {
                out.add(new EnvFile(e.string(), true, null));
                continue;
            }
            String path = e.get("path").string();
            if (path == null) {
                throw e.error("an env_file entry needs a path:");
            }
            Value format = e.get("format");
            if (format.string() != null && !EnvFile.FORMATS.contains(format.string())) {
                throw format.error("unsupported env_file format '" + format.string() + "'; use dotenv (the default) or raw");
            }
            out.add(new EnvFile(path, e.get("required").bool(true), format.string()));
        }
        return out;
    }

    static Healthcheck healthcheck(Value h) {
        if (h.isNull()) {
            return null;
        }
        Value test = h.get("test");
        List<String> command = test.raw() instanceof String s ? List.of("CMD-SHELL", s) : test.stringsOrNull();
        return new Healthcheck(
                command,
                h.get("interval").duration(),
                h.get("timeout").duration(),
                h.get("retries").integer(),
                h.get("start_period").duration(),
                h.get("start_interval").duration(),
                h.get("disable").bool(false));
    }

    static Deploy deploy(Value d) {
        if (d.isNull()) {
            return null;
        }
        Value resources = d.get("resources");
        Value restart = d.get("restart_policy");
        return new Deploy(
                d.get("mode").string(),
                d.get("replicas").integer(),
                d.get("labels").textMap(),
                resources.isNull() ? null : new Deploy.Resources(limits(resources.get("limits")), limits(resources.get("reservations")),
                        deviceRequests(resources.get("reservations").get("devices"))),
                restart.isNull() ? null : new Deploy.RestartPolicy(
                        restart.get("condition").string(),
                        restart.get("delay").duration(),
                        restart.get("max_attempts").integer(),
                        restart.get("window").duration()));
    }

    /** {@code gpus} or {@code reservations.devices}; {@code gpus: all} is one request for all GPUs. */
    static List<DeviceRequest> deviceRequests(Value v) {
        if (v.raw() instanceof String) {
            return List.of(new DeviceRequest(List.of(), null, DeviceRequest.ALL, List.of(), Map.of()));
        }
        List<DeviceRequest> out = new ArrayList<>();
        for (Value r : v.items()) {
            Value count = r.get("count");
            long n;
            if (count.isNull()) {
                n = r.has("device_ids") ? 0 : DeviceRequest.ALL;
            } else if ("all".equalsIgnoreCase(String.valueOf(count.raw()))) {
                n = DeviceRequest.ALL;
            } else {
                Long number = count.raw() instanceof String s && !s.matches("-?\\d+") ? null : count.int64();
                if (number == null) {
                    throw count.error("must be 'all' or a number, not " + count.raw());
                }
                n = number;
            }
            out.add(new DeviceRequest(r.get("capabilities").strings(), r.get("driver").string(), n, r.get("device_ids").strings(),
                    r.get("options").textMap()));
        }
        return out;
    }

    private static Deploy.Limits limits(Value l) {
        if (l.isNull()) {
            return null;
        }
        return new Deploy.Limits(l.get("cpus").number(), l.get("memory").bytes(), l.get("pids").int64());
    }

    static BlkioConfig blkio(Value b) {
        if (b.isNull()) {
            return null;
        }
        List<BlkioConfig.WeightDevice> weights = new ArrayList<>();
        for (Value d : b.get("weight_device").items()) {
            Integer weight = d.get("weight").integer();
            weights.add(new BlkioConfig.WeightDevice(devicePath(d), required(weight, d, "a weight: (10 to 1000)")));
        }
        return new BlkioConfig(b.get("weight").integer(), weights, throttles(b.get("device_read_bps")), throttles(b.get("device_read_iops")),
                throttles(b.get("device_write_bps")), throttles(b.get("device_write_iops")));
    }

    private static List<BlkioConfig.Throttle> throttles(Value v) {
        List<BlkioConfig.Throttle> out = new ArrayList<>();
        for (Value d : v.items()) {
            out.add(new BlkioConfig.Throttle(devicePath(d), required(d.get("rate").bytes(), d, "a rate:")));
        }
        return out;
    }

    private static String devicePath(Value device) {
        return required(device.get("path").string(), device, "the device's path:");
    }

    private static <T> T required(T value, Value entry, String what) {
        if (value == null) {
            throw entry.error("needs " + what);
        }
        return value;
    }

    static Logging logging(Value l) {
        if (l.isNull()) {
            return null;
        }
        return new Logging(l.get("driver").string(), l.get("options").textMap());
    }

    static List<Hook> hooks(Value v) {
        List<Hook> out = new ArrayList<>();
        for (Value h : v.items()) {
            out.add(new Hook(
                    h.get("command").strings(),
                    h.get("user").string(),
                    h.get("privileged").bool(),
                    h.get("working_dir").string(),
                    h.get("environment").textMapKeepingNull()));
        }
        return out;
    }
}
