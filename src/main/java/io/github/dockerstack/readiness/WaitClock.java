package io.github.dockerstack.readiness;

import java.util.concurrent.locks.Condition;

/**
 * Time as the waits see it. The system clock waits for real; a test clock moves only when the
 * test says so, so tests of timeouts never sleep.
 */
public interface WaitClock {
    /** A monotonic reading in nanoseconds. */
    long nanoTime();

    /**
     * Waits until the condition is signalled or {@code nanos} have passed on this clock; the
     * caller holds the condition's lock. May return early (callers re-check).
     */
    void await(Condition condition, long nanos) throws InterruptedException;

    /**
     * Registers {@code wake}, run whenever this clock moves other than with real time (a test
     * clock's advance), so waiters re-check their deadline. Returns what unregisters it.
     */
    default Runnable onAdvance(Runnable wake) {
        return () -> {
        };
    }

    /** Real time. */
    static WaitClock system() {
        return SystemClock.INSTANCE;
    }

    /** The real clock. */
    final class SystemClock implements WaitClock {
        static final SystemClock INSTANCE = new SystemClock();

        private SystemClock() {
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Condition condition, long nanos) throws InterruptedException {
            condition.awaitNanos(nanos);
        }
    }
}
