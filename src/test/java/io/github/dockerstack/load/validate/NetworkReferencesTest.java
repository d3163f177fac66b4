package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class NetworkReferencesTest {
    private final Check check = new NetworkReferences();

    @Test
    void acceptsDefinedNetworksAndAlwaysTheDefaultOne() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    networks: {front: {aliases: [www]}, default: null}
                  worker:
                    image: busybox
                    networks: [back]
                networks:
                  front: {}
                  back:
                """);
    }

    @Test
    void rejectsAnUndefinedNetwork() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    networks:
                      front:
                      backnd:
                networks:
                  front: {}
                  backend: {}
                """), "services.web.networks.backnd", 6, "service 'web' uses network 'backnd'", "not defined under the top-level networks",
                "did you mean 'backend'?", "add it there");
    }

    @Test
    void rejectsAnUndefinedNetworkInTheListForm() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    networks: [default, front]
                """), "services.web.networks[1]", 4, "network 'front'");
    }
}
