package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnknownAttributesTest {
    private final Check check = new UnknownAttributes();

    @Test
    void acceptsKnownAttributesAndExtensionsAtEveryLevel() {
        passes(check, """
                x-common: &common {anything: [goes]}
                services:
                  web:
                    x-note: free
                    image: nginx
                    environment: {A: "1"}
                    build: {context: ., x-builder: fast}
                    ports: [{target: 80, published: "8080", protocol: tcp, mode: ingress, x-doc: web}]
                    volumes: [{type: volume, source: data, target: /data, volume: {nocopy: true}}]
                    healthcheck: {test: [CMD, "true"], interval: 5s}
                    depends_on: {db: {condition: service_healthy, required: true, restart: false}}
                    deploy: {resources: {limits: {memory: 1g}}, restart_policy: {condition: any}}
                    logging: {driver: json-file, options: {max-size: 10m}}
                    networks: {front: {aliases: [www]}, default: null}
                    ulimits: {nofile: {soft: 1, hard: 2}, nproc: {single: 5}}
                networks:
                  front: {driver: bridge, ipam: {config: [{subnet: 10.0.0.0/24}]}, x-owner: me}
                volumes:
                  data: {driver: local}
                secrets:
                  key: {file: ./key}
                configs:
                  conf: {content: hello}
                """);
    }

    @Test
    void suggestsTheClosestServiceAttribute() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    enviroment:
                      A: "1"
                """), "services.web.enviroment", 4, "'enviroment' is not a known service attribute", "did you mean 'environment'?");
    }

    @Test
    void suggestsAnExtensionWhenNothingIsClose() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    team: payments
                """), "services.web.team", 4, "'team' is not a known service attribute", "remove it", "'x-team'");
    }

    static Stream<Arguments> nestedUnknownAttributes() {
        return Stream.of(
                Arguments.of("service: {}\n", "service", 1, "top-level", "services"),
                Arguments.of("services:\n  web:\n    build:\n      dockerfil: Dockerfile\n", "services.web.build.dockerfil", 4, "build",
                        "dockerfile"),
                Arguments.of("services:\n  web:\n    ports:\n      - target: 80\n        publised: \"80\"\n",
                        "services.web.ports[0].publised", 5, "port", "published"),
                Arguments.of("services:\n  web:\n    volumes:\n      - type: bind\n        source: /a\n        target: /b\n"
                        + "        read_olny: true\n", "services.web.volumes[0].read_olny", 7, "volume mount", "read_only"),
                Arguments.of("services:\n  web:\n    volumes:\n      - type: bind\n        bind: {propagaton: shared}\n",
                        "services.web.volumes[0].bind.propagaton", 5, "bind options", "propagation"),
                Arguments.of("services:\n  web:\n    healthcheck:\n      intervall: 5s\n", "services.web.healthcheck.intervall", 4,
                        "healthcheck", "interval"),
                Arguments.of("services:\n  web:\n    deploy:\n      resources:\n        limits:\n          memroy: 1g\n",
                        "services.web.deploy.resources.limits.memroy", 6, "resource limits", "memory"),
                Arguments.of("services:\n  web:\n    deploy:\n      replica: 2\n", "services.web.deploy.replica", 4, "deploy", "replicas"),
                Arguments.of("services:\n  web:\n    depends_on:\n      db:\n        conditon: service_started\n",
                        "services.web.depends_on.db.conditon", 5, "depends_on entry", "condition"),
                Arguments.of("services:\n  web:\n    logging:\n      option: {}\n", "services.web.logging.option", 4, "logging", "options"),
                Arguments.of("services:\n  web:\n    networks:\n      front:\n        alias: [a]\n", "services.web.networks.front.alias", 5,
                        "service network", "aliases"),
                Arguments.of("services:\n  web:\n    secrets:\n      - sorce: key\n", "services.web.secrets[0].sorce", 4,
                        "secret or config reference", "source"),
                Arguments.of("networks:\n  front:\n    drivr: bridge\n", "networks.front.drivr", 3, "network", "driver"),
                Arguments.of("networks:\n  front:\n    ipam:\n      config:\n        - subnett: 10.0.0.0/8\n",
                        "networks.front.ipam.config[0].subnett", 5, "ipam config", "subnet"),
                Arguments.of("volumes:\n  data:\n    labels: {}\n    drivers: local\n", "volumes.data.drivers", 4, "volume", "driver"),
                Arguments.of("secrets:\n  key:\n    fille: ./key\n", "secrets.key.fille", 3, "secret", "file"),
                Arguments.of("configs:\n  conf:\n    contents: x\n", "configs.conf.contents", 3, "config", "content"));
    }

    @ParameterizedTest
    @MethodSource("nestedUnknownAttributes")
    void reportsUnknownAttributesAtEveryLevel(String yaml, String path, int line, String owner, String suggestion) {
        assertProblem(fails(check, yaml), path, line, "is not a known " + owner + " attribute", "did you mean '" + suggestion + "'?");
    }

    @Test
    void doesNotLookInsideFreeFormMappings() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    labels: {anything.goes: "1"}
                    environment: {whatever: x}
                    sysctls: {net.core.somaxconn: 1024}
                    storage_opt: {size: 1G}
                    logging: {options: {tag: web}}
                """);
    }
}
