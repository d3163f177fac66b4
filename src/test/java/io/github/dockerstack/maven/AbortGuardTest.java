package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AbortGuardTest {
    private final AbortGuard guard = new AbortGuard(false);
    private final List<String> downs = new CopyOnWriteArrayList<>();

    @Test
    void takesDownTheArmedStacksNewestFirst() {
        guard.arm("off", "off", () -> downs.add("off")).upReturned();
        guard.arm("pro", "pro", () -> downs.add("pro")).upReturned();
        guard.abort();
        assertEquals(List.of("pro", "off"), downs, "the project that uses the other's network goes first");
        guard.abort();
        assertEquals(2, downs.size(), "a second abort has nothing left");
    }

    @Test
    void aReleasedStackIsLeftAlone() {
        guard.arm("off", "off", () -> downs.add("off"));
        guard.arm("pro", "pro", () -> downs.add("pro"));
        guard.release("off");
        assertFalse(guard.isArmed("off"));
        guard.abort();
        assertEquals(List.of("pro"), downs);
    }

    @Test
    void oneFailingDownDoesNotKeepTheOthersUp() {
        guard.arm("off", "off", () -> downs.add("off")).upReturned();
        guard.arm("pro", "pro", () -> {
            throw new IllegalStateException("engine gone");
        }).upReturned();
        guard.abort();
        assertEquals(List.of("off"), downs);
    }

    private final AtomicReference<String> upEnded = new AtomicReference<>();

    /** An up that arms the guard, then waits for health until it is interrupted, and rolls back; returns once it is armed. */
    private Thread upWaitingForHealth(Supplier<AbortGuard.Armed> arm) throws InterruptedException {
        CountDownLatch armed = new CountDownLatch(1);
        Thread up = new Thread(() -> {
            AbortGuard.Armed a = arm.get();
            armed.countDown();
            try {
                new CountDownLatch(1).await(); // waiting for health
            } catch (InterruptedException e) {
                upEnded.set("rollback");
            } finally {
                a.upReturned();
            }
        });
        up.start();
        assertTrue(armed.await(10, TimeUnit.SECONDS));
        return up;
    }

    @Test
    void interruptsAnUpStillRunningAndWaitsForItsRollbackBeforeTheDown() throws Exception {
        Thread up = upWaitingForHealth(() -> guard.arm("off", "off", () -> downs.add("down after " + upEnded.get())));
        guard.abort();
        assertEquals(List.of("down after rollback"), downs, "the down waits until up has returned");
        up.join(10_000);
        assertFalse(up.isAlive());
    }

    @Test
    void anUpWithNoDownToComeIsOnlyInterruptedToRollBack() throws Exception {
        Thread up = upWaitingForHealth(() -> guard.armRollback("off", "off"));
        guard.abort();
        assertEquals("rollback", upEnded.get(), "the abort waited for the interrupted up");
        assertFalse(guard.isArmed("off"));
        up.join(10_000);
        assertFalse(up.isAlive());
    }

    @Test
    void anUpWithNoDownToComeThatReturnedIsLeftUp() {
        guard.armRollback("off", "off").upReturned();
        guard.arm("pro", "pro", () -> downs.add("pro")).upReturned();
        guard.abort();
        assertEquals(List.of("pro"), downs, "only the stack with a down to come goes");
    }
}
