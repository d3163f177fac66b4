package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs between up and the logs/down executions; the stack's logs must outlive it. */
class KeptLogsIT {
    @Test
    void runsAgainstTheStack() {
        assertEquals("dsit-kept-logs", System.getProperty("docker-stack.project"));
    }
}
