package it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** up fails, so this never runs. */
class NeverRunsIT {
    @Test
    void mustNotRun() {
        fail("up should have failed before the tests");
    }
}
