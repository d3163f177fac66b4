package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class ServiceReferencesTest {
    private final Check check = new ServiceReferences();

    @Test
    void acceptsReferencesToServicesAndToContainers() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    links: [db, "db:database"]
                    volumes_from: [data, "data:ro", "container:legacy", "container:legacy:rw"]
                    ipc: service:db
                    pid: host
                  db:
                    image: postgres
                    network_mode: "service:vpn"
                  vpn:
                    image: vpn
                  data:
                    image: busybox
                  other:
                    image: busybox
                    network_mode: "container:outside"
                """);
    }

    @Test
    void rejectsAnUnknownLink() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    links:
                      - "database:db"
                """), "services.web.links[0]", 5, "'links' of service 'web' refers to undefined service 'database'", "external_links");
    }

    @Test
    void rejectsAnUnknownVolumesFromService() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    volumes_from:
                      - container:legacy
                      - dat:ro
                  data:
                    image: busybox
                """), "services.web.volumes_from[1]", 6, "'volumes_from'", "undefined service 'dat'", "did you mean 'data'?",
                "'container:<name>'");
    }

    @Test
    void rejectsAnUnknownServiceNamespace() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    network_mode: service:vpn
                """), "services.web.network_mode", 4, "'network_mode' of service 'web' refers to undefined service 'vpn'");
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    ipc: service:shm
                """), "services.web.ipc", 4, "'ipc'", "undefined service 'shm'");
    }
}
