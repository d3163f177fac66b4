package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class DownBindingTest {
    private static final List<String> PHASES = List.of("validate", "compile", "test", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    private static PluginExecution execution(String id, String goal, String phase, Xpp3Dom configuration) {
        PluginExecution e = new PluginExecution();
        e.setId(id);
        e.addGoal(goal);
        e.setPhase(phase);
        e.setConfiguration(configuration);
        return e;
    }

    private static Xpp3Dom config(String... nameValues) {
        Xpp3Dom c = new Xpp3Dom("configuration");
        for (int i = 0; i < nameValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(nameValues[i]);
            child.setValue(nameValues[i + 1]);
            c.addChild(child);
        }
        return c;
    }

    private static Plugin plugin(Xpp3Dom shared, PluginExecution... executions) {
        Plugin p = new Plugin();
        p.setGroupId("io.github.dockerstack");
        p.setArtifactId("docker-stack-maven-plugin");
        p.setConfiguration(shared);
        for (PluginExecution e : executions) {
            p.addExecution(e);
        }
        return p;
    }

    private static Optional<DownBinding> find(Plugin plugin, String upPhase, List<String> requested, Properties properties) {
        return DownBinding.find(plugin, upPhase, "up", requested, PHASES, properties);
    }

    private static final Plugin AROUND_TESTS = plugin(config("removeVolumes", "true"), execution("up", "up", null, null),
            execution("down", "down", null, null));

    @Test
    void aDownTheBuildReachesIsFound() {
        assertEquals(Optional.of(new DownBinding(true)), find(AROUND_TESTS, "pre-integration-test", List.of("clean", "verify"), new Properties()));
    }

    @Test
    void upInvokedAsAGoalLeavesTheStackUp() {
        assertTrue(find(AROUND_TESTS, null, List.of("docker-stack:up"), new Properties()).isEmpty());
    }

    @Test
    void aBuildThatStopsBeforeTheDownsPhaseLeavesTheStackUp() {
        assertTrue(find(AROUND_TESTS, "pre-integration-test", List.of("pre-integration-test"), new Properties()).isEmpty());
        assertTrue(find(plugin(null, execution("up", "up", null, null)), "pre-integration-test", List.of("verify"), new Properties())
                .isEmpty(), "no down bound at all");
    }

    @Test
    void removeVolumesComesFromTheDownsConfigurationOrTheProperty() {
        Properties properties = new Properties();
        properties.setProperty("docker-stack.removeVolumes", "true");
        Plugin plain = plugin(null, execution("up", "up", null, null), execution("down", "down", null, null));
        assertEquals(Optional.of(new DownBinding(true)), find(plain, "pre-integration-test", List.of("verify"), properties));
        assertEquals(Optional.of(new DownBinding(false)), find(plain, "pre-integration-test", List.of("verify"), new Properties()));
        properties.setProperty("wipe", "true");
        Plugin expression = plugin(null, execution("up", "up", null, null),
                execution("down", "down", null, config("removeVolumes", "${wipe}")));
        assertEquals(Optional.of(new DownBinding(true)), find(expression, "pre-integration-test", List.of("install"), properties));
    }

    @Test
    void picksTheDownOfTheSameStack() {
        Plugin twoStacks = plugin(null,
                execution("up", "up", null, config("envFiles", ".env,.env-pro")),
                execution("down-off", "down", null, config("removeVolumes", "true")),
                execution("down-pro", "down", null, config("envFiles", ".env,.env-pro", "removeVolumes", "false")));
        assertEquals(Optional.of(new DownBinding(false)), find(twoStacks, "pre-integration-test", List.of("verify"), new Properties()));
    }
}
