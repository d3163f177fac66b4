package io.github.dockerstack.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services of a project and what each depends on, by name only (independent of the model).
 * Every traversal goes through names in sorted order, so results and error messages are the same
 * on every run. Dependencies on names that are not services of the graph are ignored: they were
 * rejected by validation, or are optional dependencies on services left out.
 */
public final class ServiceGraph {
    /** Which end of the dependency edges goes first. */
    public enum Direction {
        /** a service after all its dependencies: start order */
        DEPENDENCIES_FIRST,
        /** a service after all its dependents: stop order */
        DEPENDENTS_FIRST
    }

    /** Work on one service during {@link #walk}; an exception stops the walk. */
    @FunctionalInterface
    public interface Visitor {
        void visit(String service);
    }

    private final SortedMap<String, SortedSet<String>> dependencies;
    private final SortedMap<String, SortedSet<String>> dependents;

    private ServiceGraph(SortedMap<String, SortedSet<String>> dependencies, SortedMap<String, SortedSet<String>> dependents) {
        this.dependencies = dependencies;
        this.dependents = dependents;
    }

    /** A graph of the map's keys; values name the services each key depends on. */
    public static ServiceGraph of(Map<String, ? extends Collection<String>> dependencies) {
        SortedMap<String, SortedSet<String>> deps = new TreeMap<>();
        SortedMap<String, SortedSet<String>> rdeps = new TreeMap<>();
        dependencies.keySet().forEach(name -> {
            deps.put(name, new TreeSet<>());
            rdeps.put(name, new TreeSet<>());
        });
        dependencies.forEach((name, targets) -> {
            for (String target : targets == null ? List.<String>of() : targets) {
                if (deps.containsKey(target)) {
                    deps.get(name).add(target);
                    rdeps.get(target).add(name);
                }
            }
        });
        return new ServiceGraph(deps, rdeps);
    }

    /** The service names, sorted. */
    public Set<String> services() {
        return Collections.unmodifiableSet(dependencies.keySet());
    }

    /** Direct dependencies of a service, sorted. */
    public Set<String> dependenciesOf(String service) {
        return Collections.unmodifiableSet(require(service, dependencies));
    }

    /** Services that directly depend on a service, sorted. */
    public Set<String> dependentsOf(String service) {
        return Collections.unmodifiableSet(require(service, dependents));
    }

    /**
     * The first dependency cycle, found by depth-first search from the services in name order:
     * {@code [a, b, c, a]}; empty when there is none. A service depending on itself gives {@code [a, a]}.
     */
    public List<String> findCycle() {
        Map<String, Boolean> done = new HashMap<>(); // false: on the current path, true: fully explored
        for (String start : dependencies.keySet()) {
            List<String> cycle = search(start, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private List<String> search(String node, List<String> path, Map<String, Boolean> done) {
        Boolean state = done.get(node);
        if (Boolean.TRUE.equals(state)) {
            return List.of();
        }
        if (Boolean.FALSE.equals(state)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return List.copyOf(cycle);
        }
        done.put(node, false);
        path.add(node);
        for (String next : dependencies.get(node)) {
            List<String> cycle = search(next, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.put(node, true);
        return List.of();
    }

    /**
     * Start order in layers: the first holds services without dependencies, each next one the
     * services whose dependencies are all in earlier layers; names sorted inside a layer.
     *
     * @throws IllegalStateException when the graph has a cycle
     */
    public List<List<String>> layers() {
        return layers(dependencies, dependents);
    }

    /** Stop order in layers: like {@link #layers()} with dependents in place of dependencies. */
    public List<List<String>> reverseLayers() {
        return layers(dependents, dependencies);
    }

    /** Kahn's algorithm, a layer at a time; {@code before} names what must precede, {@code after} the reverse. */
    private List<List<String>> layers(SortedMap<String, SortedSet<String>> before, SortedMap<String, SortedSet<String>> after) {
        requireAcyclic();
        Map<String, Integer> pending = new HashMap<>();
        before.forEach((name, firsts) -> pending.put(name, firsts.size()));
        List<List<String>> layers = new ArrayList<>();
        List<String> layer = before.keySet().stream().filter(n -> pending.get(n) == 0).toList();
        while (!layer.isEmpty()) {
            layers.add(layer);
            SortedSet<String> next = new TreeSet<>();
            for (String done : layer) {
                for (String waiting : after.get(done)) {
                    if (pending.merge(waiting, -1, Integer::sum) == 0) {
                        next.add(waiting);
                    }
                }
            }
            layer = List.copyOf(next);
        }
        return List.copyOf(layers);
    }

    /**
     * The given services and everything they depend on, transitively; sorted.
     *
     * @throws IllegalArgumentException when a name is not a service of the graph
     */
    public Set<String> withDependencies(Collection<String> services) {
        SortedSet<String> closure = new TreeSet<>();
        List<String> todo = new ArrayList<>();
        for (String s : services) {
            require(s, dependencies);
            todo.add(s);
        }
        while (!todo.isEmpty()) {
            String s = todo.remove(todo.size() - 1);
            if (closure.add(s)) {
                todo.addAll(dependencies.get(s));
            }
        }
        return Collections.unmodifiableSortedSet(closure);
    }

    /**
     * Visits every service once, each as soon as all its dependencies (or dependents) were visited,
     * at most {@code parallelism} at a time, on a pool of that many daemon threads. Fails fast: the
     * first exception stops scheduling new visits; visits already running are waited for, then
     * that exception is rethrown (later ones are added to it as suppressed). An interrupt of the
     * calling thread also stops scheduling; running visits are still waited for, then a
     * {@link java.util.concurrent.CancellationException} is thrown with the interrupt flag kept.
     *
     * @throws IllegalStateException when the graph has a cycle
     */
    public void walk(Direction direction, int parallelism, Visitor visitor) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemonThreads());
        try {
            walk(direction, parallelism, pool, visitor);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #walk(Direction, int, Visitor)} running visits on the given executor. */
    public void walk(Direction direction, int parallelism, Executor executor, Visitor visitor) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        requireAcyclic();
        boolean forward = direction == Direction.DEPENDENCIES_FIRST;
        new GraphWalk(forward ? dependencies : dependents, forward ? dependents : dependencies, parallelism, executor, visitor).run();
    }

    private void requireAcyclic() {
        List<String> cycle = findCycle();
        if (!cycle.isEmpty()) {
            throw new IllegalStateException("dependency cycle: " + String.join(" -> ", cycle));
        }
    }

    private static SortedSet<String> require(String service, Map<String, SortedSet<String>> edges) {
        SortedSet<String> set = edges.get(service);
        if (set == null) {
            throw new IllegalArgumentException("unknown service '" + service + "'");
        }
        return set;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "docker-stack-walk-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
