package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.dockerstack.engine.EngineException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedByInterruptException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    private static final String ADDRESS = "unix:///var/run/docker.sock";

    @Test
    void anIoFailureIsAnUnreachableEngine() {
        EngineException e = Errors.translate("list containers", new RuntimeException(new ConnectException("Connection refused")), ADDRESS);
        assertInstanceOf(EngineException.Unreachable.class, e);
    }

    @Test
    void anInterruptedCallIsNotBlamedOnTheEngine() {
        EngineException e = Errors.translate("list containers", new RuntimeException(new ClosedByInterruptException()), ADDRESS);
        assertFalse(e instanceof EngineException.Unreachable);
        assertEquals("list containers: interrupted", e.getMessage());
        EngineException flagged;
        Thread.currentThread().interrupt();
        try {
            flagged = Errors.translate("stop", new RuntimeException(new IOException("stream closed")), ADDRESS);
        } finally {
            Thread.interrupted();
        }
        assertEquals("stop: interrupted", flagged.getMessage());
    }
}
