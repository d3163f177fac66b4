package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.failsValidation;
import static io.github.dockerstack.load.validate.Fixture.passes;
import static io.github.dockerstack.load.validate.Fixture.passesValidation;

import org.junit.jupiter.api.Test;

class ExternalWithAttributesTest {
    private final Check volumes = new ExternalWithAttributes("volumes");

    @Test
    void acceptsANameAndExtensionsOnExternalVolumes() {
        passes(volumes, """
                volumes:
                  shared: {external: true, name: team-shared, x-note: created by ops}
                  local: {external: false, driver: local}
                  plain: {driver: local}
                  empty:
                """);
    }

    @Test
    void rejectsADriverOnAnExternalVolume() {
        assertProblem(fails(volumes, """
                volumes:
                  shared:
                    external: true
                    driver: local
                """), "volumes.shared.driver", 4, "external volume 'shared' cannot set 'driver'", "remove 'driver'");
    }

    @Test
    void readsInterpolatedAndLegacyExternalForms() {
        assertProblem(fails(volumes, """
                volumes:
                  shared:
                    external: "true"
                    labels: {a: b}
                """), "volumes.shared.labels", 4, "cannot set 'labels'");
        assertProblem(fails(volumes, """
                volumes:
                  shared:
                    external: {name: team}
                    driver_opts: {type: nfs}
                """), "volumes.shared.driver_opts", 4, "cannot set 'driver_opts'");
    }

    @Test
    void checksNetworksOnlyWhenAsked() {
        String yaml = """
                services:
                  web: {image: nginx, networks: {outside: null}}
                networks:
                  outside:
                    external: true
                    driver: overlay
                """;
        // compose-go accepts this for networks, so the validator does too
        passesValidation(yaml);
        assertProblem(fails(new ExternalWithAttributes("networks"), yaml), "networks.outside.driver", 6,
                "external network 'outside' cannot set 'driver'");
        failsValidation("""
                volumes:
                  v: {external: true, driver: local}
                """);
    }
}
