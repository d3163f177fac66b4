package io.github.dockerstack.maven;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;

/**
 * Runs the {@link AbortGuard} when the Maven session ends, before Maven disposes the plugin's class
 * realm: a build that failed between {@code up} and {@code down} takes its stacks down there, in the
 * build log, rather than in a shutdown hook that could no longer load the plugin's classes. Every
 * event goes on to the listener it wraps (Maven's own, which prints the build's progress).
 */
final class AbortOnSessionEnd implements ExecutionListener {
    private final ExecutionListener next;
    private final AbortGuard guard;

    private AbortOnSessionEnd(ExecutionListener next, AbortGuard guard) {
        this.next = next;
        this.guard = guard;
    }

    /** Wraps the request's listener once; Maven reads it from the request for every event. */
    static void install(MavenExecutionRequest request, AbortGuard guard) {
        ExecutionListener current = request.getExecutionListener();
        if (!(current instanceof AbortOnSessionEnd)) {
            request.setExecutionListener(new AbortOnSessionEnd(current, guard));
        }
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        guard.abort();
        if (next != null) {
            next.sessionEnded(event);
        }
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        if (next != null) {
            next.projectDiscoveryStarted(event);
        }
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        if (next != null) {
            next.sessionStarted(event);
        }
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        if (next != null) {
            next.projectSkipped(event);
        }
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        if (next != null) {
            next.projectStarted(event);
        }
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        if (next != null) {
            next.projectSucceeded(event);
        }
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        if (next != null) {
            next.projectFailed(event);
        }
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        if (next != null) {
            next.mojoSkipped(event);
        }
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        if (next != null) {
            next.mojoStarted(event);
        }
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        if (next != null) {
            next.mojoSucceeded(event);
        }
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        if (next != null) {
            next.mojoFailed(event);
        }
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        if (next != null) {
            next.forkStarted(event);
        }
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        if (next != null) {
            next.forkSucceeded(event);
        }
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        if (next != null) {
            next.forkFailed(event);
        }
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        if (next != null) {
            next.forkedProjectStarted(event);
        }
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        if (next != null) {
            next.forkedProjectSucceeded(event);
        }
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        if (next != null) {
            next.forkedProjectFailed(event);
        }
    }
}
