package io.github.dockerstack.engine.dockerjava;

import static io.github.dockerstack.engine.dockerjava.JsonTrees.strings;
import static io.github.dockerstack.engine.dockerjava.JsonTrees.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dockerstack.engine.EngineVersion;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.VolumeInfo;
import java.util.ArrayList;
import java.util.List;

/** Networks, volumes and the engine's version as the engine's JSON describes them. */
final class ResourceJson {
    private ResourceJson() {
    }

    /** From {@code GET /networks} or {@code GET /networks/{id}}. */
    static NetworkInfo network(JsonNode n) {
        List<String> subnets = new ArrayList<>();
        for (JsonNode pool : n.path("IPAM").path("Config")) {
            String subnet = text(pool.path("Subnet"));
            if (subnet != null) {
                subnets.add(subnet);
            }
        }
        List<String> containers = new ArrayList<>();
        n.path("Containers").fieldNames().forEachRemaining(containers::add);
        return new NetworkInfo(text(n.path("Id")), text(n.path("Name")), text(n.path("Driver")), strings(n.path("Labels")),
                n.path("Internal").asBoolean(false), n.path("Attachable").asBoolean(false), n.path("EnableIPv6").asBoolean(false), subnets,
                containers);
    }

    /** From {@code GET /volumes/{name}} or an entry of {@code GET /volumes}. */
    static VolumeInfo volume(JsonNode v) {
        return new VolumeInfo(text(v.path("Name")), text(v.path("Driver")), text(v.path("Mountpoint")), strings(v.path("Options")),
                strings(v.path("Labels")));
    }

    /** From {@code GET /version}. */
    static EngineVersion version(JsonNode v) {
        return new EngineVersion(text(v.path("Version")), text(v.path("ApiVersion")), text(v.path("MinAPIVersion")), text(v.path("Os")),
                text(v.path("Arch")));
    }
}
