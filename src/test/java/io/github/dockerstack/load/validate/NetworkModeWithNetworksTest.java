package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class NetworkModeWithNetworksTest {
    private final Check check = new NetworkModeWithNetworks();

    @Test
    void acceptsEitherOne() {
        passes(check, """
                services:
                  host: {image: x, network_mode: host}
                  joined: {image: x, networks: {front: null}}
                  empty: {image: x, network_mode: none, networks: {}}
                """);
    }

    @Test
    void rejectsBoth() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    network_mode: host
                    networks:
                      front:
                """), "services.web.networks", 5, "sets both 'network_mode' and 'networks'", "remove one");
    }
}
