package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class DuplicateContainerNamesTest {
    private final Check check = new DuplicateContainerNames();

    @Test
    void acceptsDistinctNames() {
        passes(check, """
                services:
                  a: {image: x, container_name: one}
                  b: {image: x, container_name: two}
                  c: {image: x}
                  d: {image: x}
                """);
    }

    @Test
    void namesBothServices() {
        assertProblem(fails(check, """
                services:
                  api:
                    image: x
                    container_name: app
                  worker:
                    image: x
                    container_name: app
                """), "services.worker.container_name", 7, "services 'api' and 'worker' both use container_name 'app'", "must be unique");
    }
}
