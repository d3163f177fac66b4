package io.github.dockerstack.readiness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when the test calls {@link #advance}. Waits on it block until signalled
 * (by an event) or until an advance wakes them; nothing ever sleeps. {@link #awaitWaiters} lets a
 * test hold on until the code under test is waiting.
 */
public final class FakeClock implements WaitClock {
    /** How long a test waits for the code under test to reach a wait before it gives up (a hang guard, not a sleep). */
    private static final long GUARD_SECONDS = 10;

    private volatile long now = 1_000_000_000L;
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waitersChanged = lock.newCondition();
    private int waiters;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void await(Condition condition, long nanos) throws InterruptedException {
        if (nanos <= 0) {
            return;
        }
        changeWaiters(1);
        try {
            condition.await(); // woken by a signal of the caller's condition, or by advance()
        } finally {
            changeWaiters(-1);
        }
    }

    @Override
    public Runnable onAdvance(Runnable wake) {
        wakers.add(wake);
        return () -> wakers.remove(wake);
    }

    /** Moves time on and wakes every waiter, which then re-checks its deadline. */
    public void advance(Duration d) {
        now += d.toNanos();
        wakers.forEach(Runnable::run);
    }

    /** Blocks until at least {@code count} threads wait on this clock. */
    public void awaitWaiters(int count) {
        lock.lock();
        try {
            long left = TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            while (waiters < count) {
                if (left <= 0) {
                    throw new AssertionError("nobody waits on the clock after " + GUARD_SECONDS + " s (" + waiters + " of " + count + ")");
                }
                left = waitersChanged.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    private void changeWaiters(int delta) {
        lock.lock();
        try {
            waiters += delta;
            waitersChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
