package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class VolumeReferencesTest {
    private final Check check = new VolumeReferences();

    @Test
    void acceptsDefinedNamedVolumesAnonymousVolumesAndOtherMounts() {
        passes(check, """
                services:
                  db:
                    image: postgres
                    volumes:
                      - {type: volume, source: pgdata, target: /var/lib/postgresql/data}
                      - {type: volume, target: /anonymous}
                      - {type: volume, source: "", target: /also-anonymous}
                      - {type: bind, source: /srv/conf, target: /conf, bind: {create_host_path: true}}
                      - {type: tmpfs, target: /tmp}
                volumes:
                  pgdata:
                """);
    }

    @Test
    void rejectsAnUndefinedNamedVolume() {
        assertProblem(fails(check, """
                services:
                  db:
                    image: postgres
                    volumes:
                      - {type: bind, source: /srv, target: /srv}
                      - {type: volume, source: pg-dat, target: /data}
                volumes:
                  pg-data: {}
                """), "services.db.volumes[1]", 6, "service 'db' uses volume 'pg-dat'", "not defined under the top-level volumes",
                "did you mean 'pg-data'?", "add it there");
    }

    @Test
    void explainsAHostPathMountedAsAVolume() {
        assertProblem(fails(check, """
                services:
                  db:
                    image: postgres
                    volumes:
                      - type: volume
                        source: ./data
                        target: /data
                """), "services.db.volumes[0]", 5, "'./data' is a host path", "use 'type: bind'");
    }
}
