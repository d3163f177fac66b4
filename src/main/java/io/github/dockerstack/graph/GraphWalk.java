package io.github.dockerstack.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * One bounded-parallel walk of an acyclic graph. The calling thread coordinates: it hands ready
 * services (smallest name first) to the executor and reacts to their outcomes one at a time, so
 * the bookkeeping needs no locks, and with a synchronous executor the order is fully determined.
 */
final class GraphWalk {
    private final SortedMap<String, SortedSet<String>> before;
    private final SortedMap<String, SortedSet<String>> after;
    private final int parallelism;
    private final Executor executor;
    private final ServiceGraph.Visitor visitor;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** Threads inside a visit, so that an interrupted walk can interrupt them (a visit may wait for a long time). */
    private final Set<Thread> visiting = ConcurrentHashMap.newKeySet();

    /** @param before per service, what must be visited first; @param after the reverse edges */
    GraphWalk(SortedMap<String, SortedSet<String>> before, SortedMap<String, SortedSet<String>> after, int parallelism,
              Executor executor, ServiceGraph.Visitor visitor) {
        this.before = before;
        this.after = after;
        this.parallelism = parallelism;
        this.executor = executor;
        this.visitor = visitor;
    }

    private record Outcome(String service, Throwable error) {
    }

    void run() {
        Map<String, Integer> pending = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        before.forEach((name, firsts) -> {
            pending.put(name, firsts.size());
            if (firsts.isEmpty()) {
                ready.add(name);
            }
        });
        int running = 0;
        Throwable failure = null;
        boolean interrupted = false;
        while (true) {
            while (failure == null && !interrupted && running < parallelism && !ready.isEmpty()) {
                String service = ready.pollFirst();
                try {
                    executor.execute(() -> outcomes.add(visit(service)));
                    running++;
                } catch (RejectedExecutionException e) {
                    failure = e;
                }
            }
            if (running == 0) {
                break;
            }
            Outcome outcome;
            try {
                outcome = outcomes.take();
            } catch (InterruptedException e) {
                // stop scheduling and cut the running visits short, but still wait: no visit may outlive the walk
                interrupted = true;
                visiting.forEach(Thread::interrupt);
                continue;
            }
            running--;
            if (outcome.error() != null) {
                if (failure == null) {
                    failure = outcome.error();
                } else if (failure != outcome.error()) {
                    failure.addSuppressed(outcome.error());
                }
            } else {
                for (String next : after.get(outcome.service())) {
                    if (pending.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw rethrown(failure);
        }
        if (interrupted) {
            throw new CancellationException("interrupted while walking the service graph");
        }
    }

    private Outcome visit(String service) {
        Thread self = Thread.currentThread();
        visiting.add(self);
        try {
            visitor.visit(service);
            return new Outcome(service, null);
        } catch (Throwable t) { // NOPMD: every failure must reach the coordinator, or it would wait forever
            return new Outcome(service, t);
        } finally {
            visiting.remove(self);
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new CompletionException(t);
    }
}
