package io.github.dockerstack.exec;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.readiness.ServiceFailure;

/** Adds the failed container's last log lines to a failure, before anything is removed. */
final class FailureLogs {
    static final int LINES = 20;

    private FailureLogs() {
    }

    static RuntimeException attach(Engine engine, RuntimeException e) {
        if (!(e instanceof ServiceFailure f) || f.logTail() != null) {
            return e;
        }
        ServiceFailure withLogs;
        try {
            withLogs = f.withLogTail(engine.logs(f.containerId(), LINES));
        } catch (EngineException unreadable) {
            withLogs = f.withLogTail("(its log could not be read: " + unreadable.getMessage() + ")");
        }
        for (Throwable s : f.getSuppressed()) {
            withLogs.addSuppressed(s);
        }
        return withLogs;
    }
}
