package io.github.dockerstack.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {
    /** web -> api, cache; api -> db; cache -> db; db; tools (alone). */
    private static final ServiceGraph DIAMOND = ServiceGraph.of(Map.of(
            "web", Set.of("api", "cache"),
            "api", Set.of("db"),
            "cache", Set.of("db"),
            "db", Set.of(),
            "tools", Set.of()));

    private static ServiceGraph graph(String... edges) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (String edge : edges) {
            String[] parts = edge.split("->");
            String from = parts[0].trim();
            deps.computeIfAbsent(from, k -> new java.util.TreeSet<>());
            if (parts.length > 1) {
                String to = parts[1].trim();
                deps.get(from).add(to);
                deps.computeIfAbsent(to, k -> new java.util.TreeSet<>());
            }
        }
        return ServiceGraph.of(deps);
    }

    @Test
    void findsNoCycleInADiamond() {
        assertEquals(List.of(), DIAMOND.findCycle());
    }

    @Test
    void findsACycleInOrder() {
        assertEquals(List.of("a", "b", "c", "a"), graph("a -> b", "b -> c", "c -> a", "d -> a").findCycle());
    }

    @Test
    void findsASelfDependency() {
        assertEquals(List.of("x", "x"), graph("w -> x", "x -> x").findCycle());
    }

    @Test
    void findsTheSameCycleWhateverTheMapOrder() {
        ServiceGraph forward = graph("m -> n", "n -> m", "b -> c", "c -> b");
        ServiceGraph backward = graph("c -> b", "b -> c", "n -> m", "m -> n");
        assertEquals(List.of("b", "c", "b"), forward.findCycle());
        assertEquals(forward.findCycle(), backward.findCycle());
    }

    @Test
    void ignoresDependenciesOnServicesOutsideTheGraph() {
        ServiceGraph g = ServiceGraph.of(Map.of("web", Set.of("db", "disabled"), "db", Set.of()));
        assertEquals(Set.of("db"), g.dependenciesOf("web"));
        assertEquals(List.of(List.of("db"), List.of("web")), g.layers());
    }

    @Test
    void layersFollowDependencies() {
        assertEquals(List.of(List.of("db", "tools"), List.of("api", "cache"), List.of("web")), DIAMOND.layers());
    }

    @Test
    void reverseLayersFollowDependents() {
        assertEquals(List.of(List.of("tools", "web"), List.of("api", "cache"), List.of("db")), DIAMOND.reverseLayers());
        // not simply layers() reversed: a short chain stops as early as it can
        assertEquals(List.of(List.of("a", "x"), List.of("b", "y"), List.of("c")), graph("a -> b", "b -> c", "x -> y").reverseLayers());
        assertEquals(List.of(List.of("c", "y"), List.of("b", "x"), List.of("a")), graph("a -> b", "b -> c", "x -> y").layers());
    }

    @Test
    void layersRefuseACycle() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> graph("a -> b", "b -> a").layers());
        assertTrue(e.getMessage().contains("a -> b -> a"), e.getMessage());
    }

    @Test
    void closureAddsTransitiveDependencies() {
        assertEquals(Set.of("api", "db"), DIAMOND.withDependencies(List.of("api")));
        assertEquals(Set.of("web", "api", "cache", "db"), DIAMOND.withDependencies(List.of("web")));
        assertEquals(Set.of("db", "tools"), DIAMOND.withDependencies(List.of("tools", "db")));
        assertEquals(Set.of(), DIAMOND.withDependencies(List.of()));
    }

    @Test
    void closureRejectsUnknownServices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DIAMOND.withDependencies(List.of("nope")));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void closureSurvivesACycle() {
        assertEquals(Set.of("a", "b"), graph("a -> b", "b -> a").withDependencies(List.of("a")));
    }

    @Test
    void dependentsAreTheReverseEdges() {
        assertEquals(Set.of("api", "cache"), DIAMOND.dependentsOf("db"));
        assertEquals(Set.of("api", "cache"), DIAMOND.dependenciesOf("web"));
        assertEquals(Set.of("api", "cache", "db", "tools", "web"), DIAMOND.services());
    }
}
