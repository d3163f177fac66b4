package io.github.dockerstack.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs independent tasks at most {@code parallelism} at a time; waits for all, then rethrows the first failure. */
final class Parallel {
    private Parallel() {
    }

    static void run(List<Runnable> tasks, int parallelism) {
        if (tasks.isEmpty()) {
            return;
        }
        if (tasks.size() == 1 || parallelism <= 1) {
            RuntimeException failure = null;
            for (Runnable task : tasks) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failure = add(failure, e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
            Thread t = new Thread(r, "docker-stack-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            RuntimeException failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    failure = add(failure, cause instanceof RuntimeException r ? r : new IllegalStateException(cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = add(failure, new IllegalStateException("interrupted", e));
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }
}
