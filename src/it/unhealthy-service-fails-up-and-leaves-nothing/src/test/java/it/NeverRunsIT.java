package it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class NeverRunsIT {
    @Test
    void upFailedSoThisNeverRuns() {
        fail("docker-stack:up should have failed before the tests");
    }
}
