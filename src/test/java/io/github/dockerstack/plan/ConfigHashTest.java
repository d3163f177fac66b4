package io.github.dockerstack.plan;

import static io.github.dockerstack.plan.Projects.service;
import static io.github.dockerstack.plan.Projects.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigHashTest {

    private static Service.Builder web() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("B", "2");
        return service("web").environment(env).command(List.of("httpd", "-f")).ports(List.of(new Port(null, "ingress", null, 80, null, "tcp", null)));
    }

    private static String hash(Service.Builder builder) {
        return hash(shop(builder), ContainerSpecs.Options.defaults());
    }

    private static String hash(Project project, ContainerSpecs.Options options) {
        return ContainerSpecs.of(project, project.service("web"), 1, options).label(Labels.CONFIG_HASH);
    }

    @Test
    void sameConfigurationSameHash() {
        assertEquals(hash(web()), hash(web()));
    }

    /** A literal: proves the hash depends on nothing that varies between JVMs (hash codes, map order). */
    @Test
    void hashIsStableAcrossRuns() {
        ContainerSpec spec = ContainerSpec.builder("shop-web-1", "busybox:latest")
                .env(Map.of("B", "2", "A", "1"))
                .labels(Map.of(Labels.PROJECT, "shop", Labels.SERVICE, "web", Labels.CONTAINER_NUMBER, "1"))
                .portBindings(List.of(new ContainerSpec.PortBinding(null, null, 80, "tcp")))
                .build();
        assertEquals("{\"name\":\"shop-web-1\",\"image\":\"busybox:latest\",\"env\":{\"A\":\"1\",\"B\":\"2\"},"
                + "\"labels\":{\"com.docker.compose.project\":\"shop\",\"com.docker.compose.service\":\"web\"},"
                + "\"portBindings\":[{\"containerPort\":80,\"protocol\":\"tcp\"}]}", ConfigHash.canonical(spec));
        // sha256 of the text above (as `printf %s '<text>' | sha256sum` prints it)
        assertEquals("4651eefee8f7739ddee82fbad262f2e24069f80d0e1fbd382b97f7ea1e67339e", ConfigHash.of(spec));
        assertEquals(ConfigHash.of(spec), ConfigHash.of(spec.toBuilder().env(Map.of("A", "1", "B", "2")).build()));
    }

    @Test
    void environmentOrderDoesNotMatter() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("B", "2");
        reversed.put("A", "1");
        assertEquals(hash(web()), hash(web().environment(reversed)));
    }

    @Test
    void changesThatMatterChangeTheHash() {
        String base = hash(web());
        assertNotEquals(base, hash(web().image("busybox:1.36")));
        assertNotEquals(base, hash(web().environment(Map.of("A", "1", "B", "3"))));
        assertNotEquals(base, hash(web().command(List.of("httpd", "-f", "-v"))));
        assertNotEquals(base, hash(web().ports(List.of(new Port(null, "ingress", null, 81, null, "tcp", null)))));
        assertNotEquals(base, hash(web().labels(Map.of("team", "blue"))));
        assertNotEquals(base, hash(web().memLimit(1L << 30)));
        assertNotEquals(base, hash(web().containerName("front")));
    }

    @Test
    void aNewImageIdChangesTheHash() {
        Project project = shop(web());
        String one = hash(project, ContainerSpecs.Options.defaults().withImage("sha256:111", null));
        String two = hash(project, ContainerSpecs.Options.defaults().withImage("sha256:222", null));
        assertNotEquals(one, two);
        assertNotEquals(hash(project, ContainerSpecs.Options.defaults()), one);
    }

    @Test
    void runBookkeepingDoesNotChangeTheHash() {
        String base = hash(web());
        assertEquals(base, hash(web().dependsOn(Map.of("db", new DependsOn(DependsOn.HEALTHY, true, false)))));
        Project moved = shop(web());
        moved = new Project(moved.name(), Path.of("/elsewhere"), List.of(Path.of("/elsewhere/compose.yaml")), moved.environment(),
                moved.profiles(), moved.services(), moved.disabledServices(), moved.networks(), moved.volumes(), moved.secrets(),
                moved.configs(), moved.extensions());
        assertEquals(base, hash(moved, ContainerSpecs.Options.defaults()));
        assertEquals(base, hash(shop(web()), ContainerSpecs.Options.defaults().withEnvironmentFiles(List.of("/x/.env"))));
    }

    @Test
    void containerNumberAndHashLabelAreLeftOut() {
        ContainerSpec spec = ContainerSpecs.of(shop(web()), shop(web()).service("web"), 1);
        String canonical = ConfigHash.canonical(spec);
        assertFalse(canonical.contains(Labels.CONTAINER_NUMBER), canonical);
        assertFalse(canonical.contains(Labels.CONFIG_HASH), canonical);
        assertTrue(canonical.contains(Labels.PROJECT), canonical);
        assertEquals(ConfigHash.of(spec), spec.label(Labels.CONFIG_HASH));
        Map<String, String> relabelled = new LinkedHashMap<>(spec.labels());
        relabelled.put(Labels.CONTAINER_NUMBER, "7");
        relabelled.put(Labels.CONFIG_HASH, "whatever");
        assertEquals(ConfigHash.of(spec), ConfigHash.of(spec.toBuilder().labels(relabelled).build()));
    }
}
