package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.github.dockerstack.engine.EngineException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-java's exceptions to the port's typed ones. */
final class Errors {
    /** docker-java's messages read {@code Status 404: {"message":"No such container: x"}}. */
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Errors() {
    }

    static EngineException translate(String operation, RuntimeException e, String address) {
        if (e instanceof EngineException engine) {
            return engine;
        }
        if (e instanceof NotFoundException) {
            return new EngineException.NotFound(operation + ": " + engineMessage(e), e);
        }
        if (e instanceof ConflictException) {
            return new EngineException.Conflict(operation + ": " + engineMessage(e), e);
        }
        if (e instanceof DockerException docker) {
            return new EngineException(operation + ": the engine answered " + docker.getHttpStatus() + ": " + engineMessage(e), e);
        }
        if (causedBy(e, ClosedByInterruptException.class) || causedBy(e, InterruptedException.class) || Thread.currentThread().isInterrupted()) {
            // the build is being stopped (Ctrl-C): not an engine problem
            return new EngineException(operation + ": interrupted", e);
        }
        if (causedBy(e, IOException.class)) {
            return EngineException.unreachable(address, e);
        }
        return new EngineException(operation + ": " + e, e);
    }

    /** The engine's own message without docker-java's "Status NNN:" wrapping. */
    static String engineMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = ENGINE_MESSAGE.matcher(message);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"").replace("\\n", " ").trim();
        }
        return message.replaceFirst("^Status \\d+:\\s*", "").trim();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
