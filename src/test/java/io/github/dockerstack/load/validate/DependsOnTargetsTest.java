package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class DependsOnTargetsTest {
    private final Check check = new DependsOnTargets();

    @Test
    void acceptsKnownServicesAndOptionalUnknownOnes() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    depends_on:
                      db: {condition: service_healthy, required: true}
                      metrics: {condition: service_started, required: false}
                      tracing: {condition: service_started, required: "false"}
                  db:
                    image: postgres
                """);
    }

    @Test
    void rejectsAnUnknownRequiredService() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    depends_on:
                      dbb: {condition: service_started, required: true}
                  db:
                    image: postgres
                """), "services.web.depends_on.dbb", 5, "service 'web' depends on undefined service 'dbb'", "did you mean 'db'?",
                "required: false");
    }

    @Test
    void rejectsAnUnknownServiceInTheListForm() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    depends_on:
                      - cache
                """), "services.web.depends_on[0]", 5, "depends on undefined service 'cache'");
    }
}
