package io.github.dockerstack.stack;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineVersion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Opens the engine and asks its version on a daemon thread while the project loads: in a fresh
 * Maven JVM, the first engine call (HTTP client and JSON mapper start-up) is the slowest part of a
 * short goal, and it does not depend on the project.
 */
final class EarlyConnection implements AutoCloseable {
    /** An open engine and its version. */
    record Opened(Engine engine, EngineVersion version) {
    }

    private final CompletableFuture<Opened> future;
    private boolean taken;

    private EarlyConnection(CompletableFuture<Opened> future) {
        this.future = future;
    }

    static EarlyConnection start(Supplier<Engine> opener) {
        CompletableFuture<Opened> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Engine engine = opener.get();
                try {
                    f.complete(new Opened(engine, engine.version()));
                } catch (RuntimeException e) {
                    engine.close();
                    throw e;
                }
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "docker-stack-connect");
        t.setDaemon(true);
        t.start();
        return new EarlyConnection(f);
    }

    /** The engine, now owned by the caller; rethrows what opening it threw. */
    Opened take() {
        taken = true;
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Closes the engine if nobody took it (the project failed to load). */
    @Override
    public void close() {
        if (!taken) {
            future.thenAccept(o -> o.engine().close());
        }
    }
}
