package io.github.dockerstack.plan;

import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.engine.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a project's existing network or volume differs from what its compose file now says. The engine cannot change a
 * network's or volume's settings in place, and replacing them under running containers (or over a volume's data) is not
 * something up should do on its own: like docker-compose, up stops and says what changed.
 */
final class ResourceDrift {
    private ResourceDrift() {
    }

    static List<String> of(NetworkSpec desired, NetworkInfo actual) {
        List<String> drift = new ArrayList<>();
        differs(drift, "driver", orDefault(desired.driver(), "bridge"), orDefault(actual.driver(), "bridge"));
        differs(drift, "internal", desired.internal(), actual.internal());
        differs(drift, "attachable", desired.attachable(), actual.attachable());
        if (desired.enableIpv6() != null) {
            differs(drift, "enable_ipv6", desired.enableIpv6(), actual.enableIpv6());
        }
        Set<String> subnets = new TreeSet<>();
        desired.ipamPools().forEach(p -> {
            if (p.subnet() != null) {
                subnets.add(p.subnet());
            }
        });
        if (!subnets.isEmpty()) {
            differs(drift, "ipam subnets", subnets, new TreeSet<>(actual.subnets()));
        }
        labels(drift, desired.labels(), actual.labels());
        return drift;
    }

    static List<String> of(VolumeSpec desired, VolumeInfo actual) {
        List<String> drift = new ArrayList<>();
        differs(drift, "driver", orDefault(desired.driver(), "local"), orDefault(actual.driver(), "local"));
        if (!desired.options().isEmpty() || !actual.options().isEmpty()) {
            differs(drift, "driver_opts", desired.options(), actual.options());
        }
        labels(drift, desired.labels(), actual.labels());
        return drift;
    }

    /** The user's labels, not the ones the plugin adds (a version label may change between plugin versions). */
    private static void labels(List<String> drift, Map<String, String> desired, Map<String, String> actual) {
        desired.forEach((k, v) -> {
            if (!k.startsWith(Labels.PREFIX) && !Objects.equals(v, actual.get(k))) {
                drift.add("label " + k + " is " + (actual.containsKey(k) ? "'" + actual.get(k) + "'" : "absent") + ", the file says '" + v
                        + "'");
            }
        });
    }

    private static void differs(List<String> drift, String what, Object desired, Object actual) {
        if (!Objects.equals(desired, actual)) {
            drift.add(what + " is " + actual + ", the file says " + desired);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
