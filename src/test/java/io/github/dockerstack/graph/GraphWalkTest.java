package io.github.dockerstack.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.graph.ServiceGraph.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ordering is tested with a synchronous executor (fully deterministic); concurrency with real
 * threads coordinated by latches. Timeouts only bound a broken test run, they never decide an outcome.
 */
class GraphWalkTest {
    private static final long LIMIT = 10;
    private static final java.util.concurrent.Executor SAME_THREAD = Runnable::run;

    private static final ServiceGraph DIAMOND = ServiceGraph.of(Map.of(
            "web", Set.of("api", "cache"),
            "api", Set.of("db"),
            "cache", Set.of("db"),
            "db", Set.of(),
            "tools", Set.of()));

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        caller.shutdownNow();
    }

    @Test
    void visitsDependenciesFirstInNameOrder() {
        List<String> order = new ArrayList<>();
        DIAMOND.walk(Direction.DEPENDENCIES_FIRST, 1, SAME_THREAD, order::add);
        assertEquals(List.of("db", "api", "cache", "tools", "web"), order);
    }

    @Test
    void visitsDependentsFirstInReverse() {
        List<String> order = new ArrayList<>();
        DIAMOND.walk(Direction.DEPENDENTS_FIRST, 1, SAME_THREAD, order::add);
        assertEquals(List.of("tools", "web", "api", "cache", "db"), order);
    }

    @Test
    void stopsSchedulingAtTheFirstFailure() {
        RuntimeException boom = new IllegalStateException("api failed");
        List<String> visited = new ArrayList<>();
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> DIAMOND.walk(Direction.DEPENDENCIES_FIRST, 1, SAME_THREAD, s -> {
            visited.add(s);
            if (s.equals("api")) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        assertEquals(List.of("db", "api"), visited);
    }

    @Test
    void refusesACycleBeforeVisitingAnything() {
        ServiceGraph cyclic = ServiceGraph.of(Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of()));
        List<String> visited = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> cyclic.walk(Direction.DEPENDENCIES_FIRST, 2, SAME_THREAD, visited::add));
        assertEquals(List.of(), visited);
    }

    @Test
    void refusesAParallelismBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> DIAMOND.walk(Direction.DEPENDENCIES_FIRST, 0, s -> { }));
    }

    @Test
    void neverRunsMoreThanTheParallelismAtOnce() throws Exception {
        ServiceGraph independent = ServiceGraph.of(Map.of("a", Set.of(), "b", Set.of(), "c", Set.of(), "d", Set.of(), "e", Set.of()));
        AtomicInteger executed = new AtomicInteger();
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        Semaphore started = new Semaphore(0);
        CountDownLatch gate = new CountDownLatch(1);
        List<String> visited = new CopyOnWriteArrayList<>();
        Future<?> walk = caller.submit(() -> independent.walk(Direction.DEPENDENCIES_FIRST, 2, task -> {
            executed.incrementAndGet();
            pool.execute(task);
        }, s -> {
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            started.release();
            await(gate);
            visited.add(s);
            active.decrementAndGet();
        }));
        assertTrue(started.tryAcquire(2, LIMIT, TimeUnit.SECONDS));
        // both slots are taken by blocked visits, so nothing else may have been handed out
        assertEquals(2, executed.get());
        gate.countDown();
        walk.get(LIMIT, TimeUnit.SECONDS);
        assertEquals(2, maxActive.get());
        assertEquals(Set.of("a", "b", "c", "d", "e"), Set.copyOf(visited));
    }

    @Test
    void runsIndependentServicesConcurrentlyAndRespectsDependencies() throws Exception {
        // db and tools must run at the same time: each waits for the other at the barrier
        CyclicBarrier together = new CyclicBarrier(2);
        Set<String> done = Collections.synchronizedSet(new java.util.HashSet<>());
        List<String> violations = new CopyOnWriteArrayList<>();
        DIAMOND.walk(Direction.DEPENDENCIES_FIRST, 3, pool, s -> {
            if (!done.containsAll(DIAMOND.dependenciesOf(s))) {
                violations.add(s);
            }
            if (s.equals("db") || s.equals("tools")) {
                try {
                    together.await(LIMIT, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            done.add(s);
        });
        assertEquals(List.of(), violations);
        assertEquals(DIAMOND.services(), done);
    }

    @Test
    void waitsForRunningVisitsThenRethrowsTheFirstFailure() throws Exception {
        ServiceGraph independent = ServiceGraph.of(Map.of("a", Set.of(), "b", Set.of(), "c", Set.of()));
        RuntimeException boom = new IllegalStateException("a failed");
        CountDownLatch bStarted = new CountDownLatch(1);
        CountDownLatch releaseB = new CountDownLatch(1);
        AtomicBoolean bFinished = new AtomicBoolean();
        AtomicBoolean bFinishedBeforeReturn = new AtomicBoolean();
        List<String> visited = new CopyOnWriteArrayList<>();
        // released once a task has handed its outcome to the walk, so the test knows a's failure is in
        Semaphore tasksDone = new Semaphore(0);
        java.util.concurrent.Executor tracked = task -> pool.execute(() -> {
            task.run();
            tasksDone.release();
        });
        Future<Throwable> walk = caller.submit(() -> {
            try {
                independent.walk(Direction.DEPENDENCIES_FIRST, 2, tracked, s -> {
                    visited.add(s);
                    if (s.equals("a")) {
                        await(bStarted);
                        throw boom;
                    }
                    if (s.equals("b")) {
                        bStarted.countDown();
                        await(releaseB);
                        bFinished.set(true);
                    }
                });
                return null;
            } catch (RuntimeException e) {
                bFinishedBeforeReturn.set(bFinished.get());
                return e;
            }
        });
        assertTrue(bStarted.await(LIMIT, TimeUnit.SECONDS));
        assertTrue(tasksDone.tryAcquire(1, LIMIT, TimeUnit.SECONDS)); // a's, since b is blocked
        assertFalse(walk.isDone(), "the walk must wait for b");
        releaseB.countDown();
        assertSame(boom, walk.get(LIMIT, TimeUnit.SECONDS));
        assertTrue(bFinishedBeforeReturn.get());
        assertEquals(Set.of("a", "b"), Set.copyOf(visited), "c must not start after a failed");
    }

    @Test
    void keepsLaterFailuresAsSuppressed() throws Exception {
        ServiceGraph independent = ServiceGraph.of(Map.of("a", Set.of(), "b", Set.of()));
        CyclicBarrier both = new CyclicBarrier(2);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> independent.walk(Direction.DEPENDENCIES_FIRST, 2, pool, s -> {
            try {
                both.await(LIMIT, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException(s + " failed");
        }));
        Set<String> messages = Set.of(thrown.getMessage(), thrown.getSuppressed()[0].getMessage());
        assertEquals(Set.of("a failed", "b failed"), messages);
    }

    @Test
    void anInterruptedWalkInterruptsTheVisitsThatWaitAndEndsWhenTheyHave() throws Exception {
        ServiceGraph one = ServiceGraph.of(Map.of("db", Set.of(), "web", Set.of("db")));
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> visited = new CopyOnWriteArrayList<>();
        Future<?> walk = caller.submit(() -> one.walk(Direction.DEPENDENCIES_FIRST, 2, pool, s -> {
            visited.add(s);
            waiting.countDown();
            try {
                new CountDownLatch(1).await(); // a readiness wait that never ends by itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(s + " interrupted");
            }
        }));
        await(waiting);
        walk.cancel(true);
        caller.shutdown();
        assertTrue(caller.awaitTermination(LIMIT, TimeUnit.SECONDS), "the walk ended once its visit was interrupted");
        assertEquals(List.of("db"), visited, "nothing is scheduled after the interrupt");
    }

    @Test
    void runsOnItsOwnPoolByDefault() {
        List<String> visited = new CopyOnWriteArrayList<>();
        DIAMOND.walk(Direction.DEPENDENTS_FIRST, 2, visited::add);
        assertEquals(5, visited.size());
        assertTrue(visited.indexOf("web") < visited.indexOf("api"));
        assertTrue(visited.indexOf("api") < visited.indexOf("db"));
        assertTrue(visited.indexOf("cache") < visited.indexOf("db"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(LIMIT, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
