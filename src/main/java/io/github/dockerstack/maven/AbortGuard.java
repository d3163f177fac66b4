package io.github.dockerstack.maven;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Takes a stack down when the build ends before its own {@code down} ran: Ctrl-C (the JVM runs its
 * shutdown hooks), or a goal failing between {@code up} and {@code down} (Maven skips the later phases).
 * {@code up} arms it for a stack whose {@code down} this build was going to run; {@code down} releases it.
 * An {@code up} with no {@code down} to come arms it for its own run only ({@link #armRollback}): a
 * Ctrl-C then makes that {@code up} remove what it created, as a failed one does, and leaves the rest.
 * One JVM shutdown hook serves every armed stack of the build, newest first, so that a project that
 * uses another's network goes before its owner.
 */
final class AbortGuard {
    /** How long a hook waits for an interrupted {@code up} to roll back before taking the stack down itself. */
    static final Duration UP_GRACE = Duration.ofSeconds(30);

    private static final AbortGuard JVM = new AbortGuard(true);

    private final Map<Object, Armed> armed = new LinkedHashMap<>();
    private final Object abortLock = new Object();
    private boolean hooked;

    /** @param hook whether arming installs the JVM shutdown hook (tests call {@link #abort()} themselves) */
    AbortGuard(boolean hook) {
        this.hooked = !hook;
    }

    /** One armed stack: how to take it down (null: its {@code up} only rolls back), and the thread running its {@code up}. */
    static final class Armed {
        private final String name;
        private final Runnable down;
        private final Thread upThread;
        private final CountDownLatch upReturned = new CountDownLatch(1);

        private Armed(String name, Runnable down, Thread upThread) {
            this.name = name;
            this.down = down;
            this.upThread = upThread;
        }

        /** {@code up} returned, well or not (a failed one has rolled back): from now on an abort only needs the {@code down}. */
        void upReturned() {
            upReturned.countDown();
        }

        String name() {
            return name;
        }
    }

    static AbortGuard jvm() {
        return JVM;
    }

    /**
     * Arms the guard for a stack, called by {@code up} on the thread that runs it.
     *
     * @param key identifies the stack, equal for the {@code up} and {@code down} of one stack
     * @param name what the messages call it
     * @param down takes it down; runs in the shutdown hook
     */
    synchronized Armed arm(Object key, String name, Runnable down) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::abort, "docker-stack-abort-guard"));
            hooked = true;
        }
        Armed a = new Armed(name, down, Thread.currentThread());
        armed.remove(key);
        armed.put(key, a);
        return a;
    }

    /**
     * Arms the guard for the run of an {@code up} whose stack is meant to stay: an abort interrupts it, so
     * that it removes what it created, and takes nothing down. Release it when {@code up} returns.
     */
    synchronized Armed armRollback(Object key, String name) {
        return arm(key, name, null);
    }

    /** The build's own {@code down} ran for this stack, or {@code up} failed and rolled back: nothing to do at exit. */
    synchronized void release(Object key) {
        armed.remove(key);
    }

    synchronized boolean isArmed(Object key) {
        return armed.containsKey(key);
    }

    /**
     * Takes every armed stack down. Called by the shutdown hook and at the end of the Maven session; one lock
     * spans the whole work, so that the session's end (after which Maven disposes the plugin's classes)
     * waits while a Ctrl-C is being handled.
     */
    void abort() {
        synchronized (abortLock) {
            List<Armed> pending;
            synchronized (this) {
                pending = new ArrayList<>(armed.values());
                armed.clear();
            }
            for (int i = pending.size() - 1; i >= 0; i--) {
                takeDown(pending.get(i));
            }
        }
    }

    private static void takeDown(Armed a) {
        boolean upRunning = a.upReturned.getCount() > 0;
        if (upRunning && a.upThread != Thread.currentThread()) {
            // up is still creating or waiting: let it stop and roll back what it made, then remove the rest
            a.upThread.interrupt();
            try {
                a.upReturned.await(UP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (a.down == null) {
            if (upRunning) {
                System.err.println("[docker-stack] The build was stopped during the up of " + a.name()
                        + "; that up removed what it had created.");
            }
            return;
        }
        System.err.println("[docker-stack] The build ended before the down of " + a.name() + "; taking it down.");
        try {
            a.down.run();
        } catch (RuntimeException | LinkageError e) { // NOPMD: one stack's failure must not keep the others up
            System.err.println("[docker-stack] Could not take " + a.name() + " down: " + e
                    + " (mvn docker-stack:down removes it later)");
        }
    }
}
