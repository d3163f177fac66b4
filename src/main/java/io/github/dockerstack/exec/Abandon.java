package io.github.dockerstack.exec;

import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.readiness.Readiness;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A start-order walk that fails fast: when one service fails, the waits of services still running
 * are abandoned (instead of lasting until the deadline), and the first real failure is what the
 * walk throws, not a cancellation it caused.
 */
final class Abandon {
    private final Readiness readiness;
    private final AtomicReference<RuntimeException> first = new AtomicReference<>();

    Abandon(Readiness readiness) {
        this.readiness = readiness;
    }

    void walk(ServiceGraph graph, int parallelism, ServiceGraph.Visitor visitor) {
        try {
            graph.walk(ServiceGraph.Direction.DEPENDENCIES_FIRST, parallelism, service -> {
                try {
                    visitor.visit(service);
                } catch (RuntimeException e) {
                    if (!(e instanceof CancellationException)) {
                        first.compareAndSet(null, e);
                    }
                    readiness.abandon("service '" + service + "' failed");
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            RuntimeException real = first.get();
            if (real != null && real != e) {
                real.addSuppressed(e);
                throw real;
            }
            throw e;
        }
    }
}
