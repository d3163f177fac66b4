package io.github.dockerstack.engine.dockerjava;

import static io.github.dockerstack.engine.dockerjava.JsonTrees.strings;
import static io.github.dockerstack.engine.dockerjava.JsonTrees.text;
import static io.github.dockerstack.engine.dockerjava.JsonTrees.textList;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dockerstack.engine.ContainerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container as the engine's JSON describes it: an inspect document, or an entry of the container list. */
final class ContainerJson {
    private ContainerJson() {
    }

    /** From {@code GET /containers/{id}/json}. */
    static ContainerInfo inspected(JsonNode c) {
        JsonNode state = c.path("State");
        JsonNode exit = state.path("ExitCode");
        List<ContainerInfo.PublishedPort> ports = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("NetworkSettings").path("Ports").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] portAndProtocol = e.getKey().split("/", 2);
            Integer containerPort = port(portAndProtocol[0]);
            if (containerPort == null || !e.getValue().isArray()) {
                continue; // exposed, not published
            }
            String protocol = portAndProtocol.length > 1 ? portAndProtocol[1] : "tcp";
            for (JsonNode binding : e.getValue()) {
                Integer hostPort = port(text(binding.path("HostPort")));
                if (hostPort != null) {
                    ports.add(new ContainerInfo.PublishedPort(containerPort, protocol, text(binding.path("HostIp")), hostPort));
                }
            }
        }
        ports.sort(Comparator.comparing(ContainerInfo.PublishedPort::containerPort).thenComparing(ContainerInfo.PublishedPort::protocol)
                .thenComparing(p -> String.valueOf(p.hostIp())));
        Map<String, ContainerInfo.Attachment> networks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("NetworkSettings").path("Networks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            networks.put(e.getKey(), new ContainerInfo.Attachment(text(n.path("NetworkID")), emptyToNull(text(n.path("IPAddress"))),
                    emptyToNull(text(n.path("GlobalIPv6Address"))), textList(n.path("Aliases"))));
        }
        String name = text(c.path("Name"));
        return new ContainerInfo(text(c.path("Id")), name != null && name.startsWith("/") ? name.substring(1) : name,
                text(c.path("Config").path("Image")), text(c.path("Image")), strings(c.path("Config").path("Labels")),
                text(state.path("Status")), text(state.path("Health").path("Status")), healthcheck(c.path("Config").path("Healthcheck")),
                exit.isNumber() ? exit.intValue() : null, ports, networks, mounts(c.path("Mounts")));
    }

    /** From an entry of {@code GET /containers/json}: no health, exit code, ports or networks. */
    static ContainerInfo listed(JsonNode c) {
        JsonNode names = c.path("Names");
        String name = names.isArray() && names.size() > 0 ? text(names.get(0)).replaceFirst("^/", "") : text(c.path("Id"));
        return new ContainerInfo(text(c.path("Id")), name, text(c.path("Image")), text(c.path("ImageID")), strings(c.path("Labels")),
                text(c.path("State")), null, null, null, List.of(), Map.of(), mounts(c.path("Mounts")));
    }

    /** The engine merged the image's healthcheck into the container's config at create; ["NONE"] disables it. */
    private static boolean healthcheck(JsonNode healthcheck) {
        JsonNode test = healthcheck.path("Test");
        return test.isArray() && test.size() > 0 && !"NONE".equals(text(test.get(0)));
    }

    /** A mount with a name is a volume's, as docker-java's models told it before. */
    private static List<ContainerInfo.MountInfo> mounts(JsonNode mounts) {
        List<ContainerInfo.MountInfo> result = new ArrayList<>();
        for (JsonNode m : mounts) {
            String volume = emptyToNull(text(m.path("Name")));
            result.add(new ContainerInfo.MountInfo(volume != null ? "volume" : "bind", volume, text(m.path("Source")),
                    text(m.path("Destination")), m.path("RW").asBoolean(true)));
        }
        return result;
    }

    private static Integer port(String text) {
        try {
            return text == null || text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
