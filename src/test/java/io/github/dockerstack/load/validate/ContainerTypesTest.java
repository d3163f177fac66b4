package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class ContainerTypesTest {
    private final Check check = new ContainerTypes();

    @Test
    void acceptsTheCanonicalAndTheShortForms() {
        passes(check, """
                services:
                  canonical:
                    image: nginx
                    build: {context: ., args: {A: null}}
                    command: [sh, -c, "true"]
                    environment: {A: "1", B: null, C: 2, D: true}
                    env_file: [{path: .env, required: true}]
                    extra_hosts: ["host=1.2.3.4"]
                    networks: {front: null}
                    depends_on: {db: {condition: service_started, required: true}}
                    secrets: [{source: key}]
                    ulimits: {nofile: {single: 5}}
                    healthcheck: {test: [CMD-SHELL, "true"]}
                    entrypoint: null
                    deploy: null
                  short:
                    build: .
                    command: echo hi
                    environment: [A=1, B]
                    env_file: .env
                    extra_hosts: {host: 1.2.3.4, multi: [1.1.1.1, 2.2.2.2]}
                    networks: [front]
                    depends_on: [db]
                    secrets: [key]
                    ulimits: {nofile: 5}
                    ports: [80, "8080:80"]
                    volumes: ["./a:/b"]
                    dns: 8.8.8.8
                networks:
                  front:
                volumes:
                  data:
                """);
    }

    @Test
    void rejectsAStringWhereAMappingOrListIsExpected() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    environment: A=1
                """), "services.web.environment", 4,
                "must be a mapping (KEY: value) or a list of \"KEY=value\" strings", "not the string 'A=1'");
    }

    @Test
    void rejectsAMappingWhereAListIsExpected() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    ports:
                      target: 80
                """), "services.web.ports", 4, "must be a list of ports", "not a mapping");
    }

    @Test
    void rejectsAListWhereAMappingIsExpected() {
        assertProblem(fails(check, """
                services:
                  - web
                """), "services", 1, "must be a mapping of services by name", "not a list");
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    deploy:
                      - replicas: 2
                """), "services.web.deploy", 4, "must be a mapping", "not a list");
    }

    @Test
    void rejectsAContainerWhereASingleValueIsExpected() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: [nginx]
                """), "services.web.image", 3, "must be a single value (a string, number or boolean)", "not a list");
    }

    @Test
    void checksListItemsAndMappingValues() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    ports:
                      - [80, 81]
                """), "services.web.ports[0]", 5, "must be a port number, a \"[HOST:]CONTAINER[/PROTOCOL]\" string or a mapping");
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    environment:
                      A: {nested: value}
                """), "services.web.environment.A", 5, "must be a single value", "not a mapping");
        assertProblem(fails(check, """
                networks:
                  front: [bridge]
                """), "networks.front", 2, "must be a mapping", "not a list");
    }
}
