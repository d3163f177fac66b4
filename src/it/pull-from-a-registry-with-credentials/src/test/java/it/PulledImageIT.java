package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs while the service of the pulled image is up. */
class PulledImageIT {
    @Test
    void runsAgainstTheStack() {
        assertEquals("dsit-registry-pull", System.getProperty("docker-stack.project"));
    }
}
