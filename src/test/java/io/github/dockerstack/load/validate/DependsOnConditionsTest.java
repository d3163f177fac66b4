package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class DependsOnConditionsTest {
    private final Check check = new DependsOnConditions();

    @Test
    void acceptsTheThreeConditions() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    depends_on:
                      db: {condition: service_healthy}
                      init: {condition: service_completed_successfully}
                      cache: {condition: service_started}
                  db: {image: postgres}
                  init: {image: busybox}
                  cache: {image: redis}
                """);
    }

    @Test
    void rejectsATypoNamingTheKnownOnes() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    depends_on:
                      db: {condition: service_healthyy}
                  db: {image: postgres}
                """), "services.web.depends_on.db.condition", 5, "'service_healthyy' is not a depends_on condition",
                "did you mean 'service_healthy'?", "service_completed_successfully");
    }
}
