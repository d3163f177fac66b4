package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.engine.NetworkSpec;
import io.github.dockerstack.engine.VolumeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create and connect bodies, as JSON; that the engine takes them is checked by the engine tests. */
class ContainerBodyTest {
    private static JsonNode json(byte[] body) throws IOException {
        return JsonTrees.read(body);
    }

    private static JsonNode container(ContainerSpec.Builder spec) throws IOException {
        return json(ContainerBody.json(spec.build()));
    }

    @Test
    void unsetValuesAreLeftOutForTheEnginesDefaults() throws IOException {
        JsonNode body = container(ContainerSpec.builder("shop-web-1", "busybox:latest"));
        assertEquals("{\"Image\":\"busybox:latest\",\"Tty\":false,\"OpenStdin\":false,\"HostConfig\":{\"Privileged\":false,"
                + "\"ReadonlyRootfs\":false}}", JsonTrees.write(body, false));
        assertEquals("/containers/create?name=shop-web-1&platform=linux%2Farm64",
                ContainerBody.path(ContainerSpec.builder("shop-web-1", "busybox").platform("linux/arm64").build()));
    }

    @Test
    void anEmptyCommandClearsTheImagesAndUnsetOnesKeepIt() throws IOException {
        JsonNode body = container(ContainerSpec.builder("c", "busybox").command(List.of()).entrypoint(List.of("sh", "-c")));
        assertTrue(body.path("Cmd").isArray() && body.path("Cmd").isEmpty());
        assertEquals(List.of("sh", "-c"), JsonTrees.textList(body.path("Entrypoint")));
        assertTrue(container(ContainerSpec.builder("c", "busybox")).path("Cmd").isMissingNode());
    }

    @Test
    void portsAreExposedAndBoundByPortAndProtocol() throws IOException {
        JsonNode body = container(ContainerSpec.builder("c", "busybox").exposedPorts(List.of("9000", "53/UDP"))
                .portBindings(List.of(new ContainerSpec.PortBinding(null, null, 8080, "tcp"),
                        new ContainerSpec.PortBinding("127.0.0.1", "8081", 8080, "tcp"))));
        assertEquals(List.of("9000/tcp", "53/udp", "8080/tcp"), names(body.path("ExposedPorts")));
        assertEquals("[{\"HostIp\":\"\",\"HostPort\":\"\"},{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8081\"}]",
                JsonTrees.write(body.path("HostConfig").path("PortBindings").path("8080/tcp"), false));
        EngineException e = assertThrows(EngineException.class, () -> container(ContainerSpec.builder("c", "busybox")
                .exposedPorts(List.of("80/quic"))));
        assertTrue(e.getMessage().contains("port '80/quic'"), e.getMessage());
    }

    @Test
    void bindsThatMayCreateTheirPathAreStringsTheOthersMounts() throws IOException {
        JsonNode host = container(ContainerSpec.builder("c", "busybox").mounts(List.of(
                new ContainerSpec.MountPoint(ContainerSpec.MountType.BIND, "/src", "/app", true, true, "rshared", "z", false, null, null),
                new ContainerSpec.MountPoint(ContainerSpec.MountType.BIND, "/run/s", "/run/secrets/s", true, false, null, null, false, null,
                        null),
                new ContainerSpec.MountPoint(ContainerSpec.MountType.VOLUME, "data", "/data", false, false, null, null, true, null, null),
                ContainerSpec.MountPoint.tmpfs("/t", 1024L, 01777)))).path("HostConfig");
        assertEquals(List.of("/src:/app:ro,z,rshared"), JsonTrees.textList(host.path("Binds")));
        assertEquals("[{\"Type\":\"bind\",\"Source\":\"/run/s\",\"Target\":\"/run/secrets/s\",\"ReadOnly\":true},"
                + "{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/data\",\"ReadOnly\":false,\"VolumeOptions\":{\"NoCopy\":true}},"
                + "{\"Type\":\"tmpfs\",\"Target\":\"/t\",\"ReadOnly\":false,\"TmpfsOptions\":{\"SizeBytes\":1024,\"Mode\":1023}}]",
                JsonTrees.write(host.path("Mounts"), false));
    }

    @Test
    void linksGoOnTheEndpointOfAUserDefinedNetworkToo() throws IOException {
        NetworkEndpoint endpoint = new NetworkEndpoint("shop_back", List.of("shop-web-1", "web"), "10.5.0.7", null, "02:42:ac:11:00:09",
                List.of("db"), List.of("169.254.8.8"), Map.of("com.example.mtu", "1400"));
        JsonNode body = container(ContainerSpec.builder("c", "busybox").networkMode("shop_back").network(endpoint)
                .links(List.of("cache:redis")));
        assertEquals(List.of("cache:redis", "db:db"), JsonTrees.textList(body.path("HostConfig").path("Links")));
        JsonNode e = body.path("NetworkingConfig").path("EndpointsConfig").path("shop_back");
        assertEquals(List.of("cache:redis", "db:db"), JsonTrees.textList(e.path("Links")));
        assertEquals("{\"IPv4Address\":\"10.5.0.7\",\"LinkLocalIPs\":[\"169.254.8.8\"]}", JsonTrees.write(e.path("IPAMConfig"), false));
        assertEquals("1400", e.path("DriverOpts").path("com.example.mtu").asText());
        assertEquals("02:42:ac:11:00:09", body.path("MacAddress").asText(), "the first network's MAC goes on the container");

        JsonNode bridge = container(ContainerSpec.builder("c", "busybox").networkMode("bridge").links(List.of("cache")));
        assertEquals(List.of("cache:cache"), JsonTrees.textList(bridge.path("HostConfig").path("Links")));
        assertTrue(bridge.path("NetworkingConfig").isMissingNode());
    }

    @Test
    void securityPoliciesAndLogging() throws IOException {
        JsonNode host = container(ContainerSpec.builder("c", "busybox").capAdd(List.of(" CAP_BPF ")).unconfinedSystemPaths(true)
                .logOptions(Map.of("max-size", "1m")).restartPolicy(new ContainerSpec.RestartPolicy("no", 3))).path("HostConfig");
        assertEquals(List.of("CAP_BPF"), JsonTrees.textList(host.path("CapAdd")), "any capability the engine knows");
        assertTrue(host.path("MaskedPaths").isArray() && host.path("MaskedPaths").isEmpty());
        assertTrue(host.path("ReadonlyPaths").isArray() && host.path("ReadonlyPaths").isEmpty());
        assertEquals("{\"Type\":\"\",\"Config\":{\"max-size\":\"1m\"}}", JsonTrees.write(host.path("LogConfig"), false));
        assertEquals("{\"Name\":\"\",\"MaximumRetryCount\":0}", JsonTrees.write(host.path("RestartPolicy"), false));
        assertFalse(container(ContainerSpec.builder("c", "busybox")).path("HostConfig").has("MaskedPaths"));
    }

    @Test
    void networksVolumesAndConnections() throws IOException {
        JsonNode network = json(ResourceBodies.network(new NetworkSpec("shop_back", null, Map.of(), "default",
                List.of(new NetworkSpec.IpamPool("10.5.0.0/16", null, "10.5.0.1", Map.of("router", "10.5.0.2"))), Map.of("o", "v"), false,
                false, null, Map.of("l", "1"))));
        assertEquals("{\"Name\":\"shop_back\",\"CheckDuplicate\":true,\"Internal\":false,\"Attachable\":false,\"Labels\":{\"l\":\"1\"},"
                + "\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"10.5.0.0/16\",\"Gateway\":\"10.5.0.1\","
                + "\"AuxiliaryAddresses\":{\"router\":\"10.5.0.2\"}}],\"Options\":{\"o\":\"v\"}}}", JsonTrees.write(network, false));
        assertEquals("{\"Name\":\"shop_data\",\"DriverOpts\":{\"type\":\"tmpfs\"},\"Labels\":{\"l\":\"1\"}}",
                JsonTrees.write(json(ResourceBodies.volume(new VolumeSpec("shop_data", null, Map.of("type", "tmpfs"), Map.of("l", "1")))),
                        false));
        NetworkEndpoint endpoint = new NetworkEndpoint("shop_front", List.of("web"), null, null, "02:42:ac:11:00:0a", List.of(),
                List.of(), Map.of());
        assertEquals("{\"Container\":\"abc\",\"EndpointConfig\":{\"Aliases\":[\"web\"],\"MacAddress\":\"02:42:ac:11:00:0a\"}}",
                JsonTrees.write(json(ResourceBodies.connect("abc", endpoint)), false));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
