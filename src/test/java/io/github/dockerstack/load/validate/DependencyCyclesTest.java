package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class DependencyCyclesTest {
    private final Check check = new DependencyCycles();

    @Test
    void acceptsADiamond() {
        passes(check, """
                services:
                  web: {image: a, depends_on: {api: {}, cache: {}}}
                  api: {image: a, depends_on: {db: {}}}
                  cache: {image: a, links: [db]}
                  db: {image: a}
                """);
    }

    @Test
    void namesATwoServiceCycle() {
        assertProblem(fails(check, """
                services:
                  b:
                    image: x
                    depends_on:
                      a: {condition: service_started}
                  a:
                    image: x
                    depends_on:
                      b: {condition: service_started}
                """), "services.a.depends_on.b", 9, "dependency cycle detected: a -> b -> a", "remove one of these dependencies");
    }

    @Test
    void namesASelfDependency() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    links: [web]
                """), "services.web.links[0]", 4, "dependency cycle detected: web -> web");
    }

    @Test
    void followsEveryKindOfDependency() {
        assertProblem(fails(check, """
                services:
                  a:
                    image: x
                    network_mode: service:b
                  b:
                    image: x
                    volumes_from: ["c:ro"]
                  c:
                    image: x
                    depends_on:
                      a: {condition: service_started, required: false}
                """), "services.a.network_mode", 4, "dependency cycle detected: a -> b -> c -> a");
    }
}
