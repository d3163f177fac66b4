package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingIT {
    @Test
    void failsOnPurpose() {
        // the stack was up: its port was handed over; then the test fails and down must still run
        assertEquals("a port", System.getProperty("docker-stack.web.port.8080"));
    }
}
