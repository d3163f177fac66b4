package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.failsValidation;
import static io.github.dockerstack.load.validate.Fixture.passesValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dockerstack.load.ComposeException;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    /** A merged canonical tree as the earlier stages leave it: long syntax, defaults applied. */
    private static final String CANONICAL = """
            x-defaults: {restart: unless-stopped}
            services:
              web:
                build:
                  context: /project/web
                  dockerfile: Dockerfile
                  args: {VERSION: "1.2", TOKEN: null}
                  cache_from: [web:cache]
                image: example/web:1.2
                command: [npm, start]
                environment: {NODE_ENV: production, API_URL: "http://api:8080"}
                env_file: [{path: /project/.env, required: false}]
                ports:
                  - {target: 3000, published: "8080", host_ip: 127.0.0.1, protocol: tcp, mode: ingress}
                expose: ["3001"]
                depends_on:
                  api: {condition: service_healthy, required: true, restart: true}
                networks: {front: {aliases: [www]}, default: null}
                healthcheck: {test: [CMD-SHELL, "curl -f http://localhost:3000"], interval: 10s, retries: 3}
                labels: {team: web}
                deploy: {replicas: 1, resources: {limits: {cpus: "0.5", memory: 256m}}}
                x-owner: web-team
              api:
                image: example/api:1.2
                container_name: example-api
                volumes:
                  - {type: volume, source: data, target: /data, volume: {nocopy: true}}
                  - {type: bind, source: /project/conf, target: /conf, read_only: true, bind: {create_host_path: true}}
                  - {type: volume, target: /cache}
                secrets: [{source: db_password, target: /run/secrets/db}]
                configs: [{source: api_config}]
                links: ["db:database"]
                extra_hosts: ["host.docker.internal=host-gateway"]
                ulimits: {nofile: {soft: 1024, hard: 2048}}
                logging: {driver: json-file, options: {max-size: 10m}}
                networks: {default: null}
              db:
                image: postgres:16
                volumes_from: ["container:seed-data:ro"]
                post_start: [{command: [sh, -c, "echo started"], user: root}]
                networks: {default: null}
              sidecar:
                image: busybox
                network_mode: service:api
            networks:
              default: {name: example_default}
              front: {name: example_front, driver: bridge, ipam: {config: [{subnet: 10.5.0.0/16}]}}
            volumes:
              data: {name: example_data}
              shared: {external: true, name: team-shared}
            secrets:
              db_password: {name: example_db_password, file: /project/db_password.txt}
            configs:
              api_config: {name: example_api_config, content: "debug: false"}
            """;

    @Test
    void acceptsARealisticCanonicalProject() {
        passesValidation(CANONICAL);
    }

    @Test
    void reportsTheFirstRuleThatFails() {
        // an undefined dependency comes first in the file, but attributes are checked before references
        ComposeException e = failsValidation("""
                services:
                  web:
                    image: nginx
                    depends_on:
                      db: {condition: service_started}
                  worker:
                    imag: busybox
                """);
        assertProblem(e, "services.worker.imag", 7, "did you mean 'image'?");
    }

    @Test
    void theMessageNamesFileLineAndPath() {
        ComposeException e = failsValidation("""
                services:
                  web:
                    image: nginx
                    enviroment: {A: "1"}
                """);
        assertEquals("compose.yaml:4:5: services.web.enviroment: 'enviroment' is not a known service attribute; "
                + "did you mean 'environment'?", e.getMessage());
    }
}
