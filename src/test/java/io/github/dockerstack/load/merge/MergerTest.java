package io.github.dockerstack.load.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.canonical.Canonicalizer;
import io.github.dockerstack.load.yaml.Tagged;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergerTest {
    private static Map<String, Object> yaml(String text) {
        return YamlReader.read(null, text).get(0).root();
    }

    private static Map<String, Object> canonical(String text) {
        YamlDocument doc = YamlReader.read(null, text).get(0);
        return Canonicalizer.canonical(doc.root(), doc.sources());
    }

    /** base and override go through the canonical stage; expected is written in canonical form. */
    private static void assertMerge(String base, String override, String expected) {
        Map<String, Object> merged = Merger.merge(canonical(base), canonical(override));
        assertEquals(yaml(expected), merged);
        assertNoTags(merged);
    }

    private static void assertNoTags(Object value) {
        assertFalse(value instanceof Tagged, () -> "tag left: " + value);
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(MergerTest::assertNoTags);
        } else if (value instanceof List<?> list) {
            list.forEach(MergerTest::assertNoTags);
        }
    }

    @Test
    void mappingsMergeAndScalarsAreReplaced() {
        assertMerge("""
                services:
                  web: {image: nginx:1, restart: always, deploy: {resources: {limits: {cpus: "1"}}}}
                """, """
                services:
                  web: {image: nginx:2, deploy: {resources: {limits: {memory: 1g}}}}
                  db: {image: postgres}
                """, """
                services:
                  web: {image: nginx:2, restart: always, deploy: {resources: {limits: {cpus: "1", memory: 1g}}}}
                  db: {image: postgres}
                """);
    }

    @Test
    void aLaterNullKeepsTheEarlierValue() {
        assertMerge("""
                services:
                  web: {image: nginx, user: app}
                """, """
                services:
                  web: {user: null}
                """, """
                services:
                  web: {image: nginx, user: app}
                """);
    }

    @Test
    void commandEntrypointAndHealthcheckTestAreReplacedNotAppended() {
        assertMerge("""
                services:
                  web:
                    command: [run, --a]
                    entrypoint: /entry.sh
                    healthcheck: {test: [CMD, a], interval: 5s}
                """, """
                services:
                  web:
                    command: serve --b
                    entrypoint: []
                    healthcheck: {test: curl localhost}
                """, """
                services:
                  web:
                    command: [serve, --b]
                    entrypoint: []
                    healthcheck: {test: [CMD-SHELL, curl localhost], interval: 5s}
                """);
    }

    @Test
    void aLaterNullCommandClearsIt() {
        assertMerge("""
                services:
                  web: {command: run}
                """, """
                services:
                  web: {command: null}
                """, """
                services:
                  web: {command: null}
                """);
    }

    @Test
    void environmentAndLabelsMergeByKey() {
        assertMerge("""
                services:
                  web:
                    environment: [A=1, B=2, C=3]
                    labels: {x: "1"}
                    build: {context: ., args: [V=1]}
                    sysctls: [a=1]
                """, """
                services:
                  web:
                    environment: {B: changed, C: null, D: "4"}
                    labels: [y=2]
                    build: {args: {W: "2"}}
                    sysctls: {a: "2"}
                """, """
                services:
                  web:
                    environment: {A: "1", B: changed, C: null, D: "4"}
                    labels: {x: "1", y: "2"}
                    build: {context: ., args: {V: "1", W: "2"}}
                    sysctls: {a: "2"}
                """);
    }

    @Test
    void portsAppendAndTheSameBindingReplacesAtItsPlace() {
        assertMerge("""
                services:
                  web:
                    ports: ["8080:80", "443:443", "53:53/udp"]
                """, """
                services:
                  web:
                    ports:
                      - {target: 80, published: "8080", name: http}
                      - "53:53"
                      - 127.0.0.1:443:443
                """, """
                services:
                  web:
                    ports:
                      - {target: 80, published: "8080", name: http, protocol: tcp, mode: ingress}
                      - {target: 443, published: "443", protocol: tcp, mode: ingress}
                      - {target: 53, published: "53", protocol: udp, mode: ingress}
                      - {target: 53, published: "53", protocol: tcp, mode: ingress}
                      - {target: 443, published: "443", host_ip: 127.0.0.1, protocol: tcp, mode: ingress}
                """);
    }

    @Test
    void volumesAreUniqueByTarget() {
        assertMerge("""
                services:
                  db:
                    volumes: [./a:/data, logs:/logs, /cache]
                """, """
                services:
                  db:
                    volumes: [other:/data:ro, ./extra:/extra]
                """, """
                services:
                  db:
                    volumes:
                      - {type: volume, source: other, target: /data, read_only: true, volume: {}}
                      - {type: volume, source: logs, target: /logs, volume: {}}
                      - {type: volume, target: /cache, volume: {}}
                      - {type: bind, source: ./extra, target: /extra, bind: {create_host_path: true}}
                """);
    }

    @Test
    void secretsAndConfigsAreUniqueByTargetOrSource() {
        assertMerge("""
                services:
                  app:
                    secrets: [token, {source: key, target: /k}]
                    configs: [nginx]
                """, """
                services:
                  app:
                    secrets: [{source: token, mode: 0o400}, {source: other, target: /k}, cert]
                    configs: [{source: nginx, uid: "1"}]
                """, """
                services:
                  app:
                    secrets: [{source: token, mode: 256}, {source: other, target: /k}, {source: cert}]
                    configs: [{source: nginx, uid: "1"}]
                """);
    }

    @Test
    void devicesAreUniqueByTarget() {
        assertMerge("""
                services:
                  app:
                    devices: [/dev/sda:/dev/xvda, /dev/snd]
                """, """
                services:
                  app:
                    devices: ["/dev/sdb:/dev/xvda:r"]
                """, """
                services:
                  app:
                    devices:
                      - {source: /dev/sdb, target: /dev/xvda, permissions: r}
                      - {source: /dev/snd, target: /dev/snd, permissions: rwm}
                """);
    }

    @Test
    void plainSequencesAppendWithoutDuplicates() {
        assertMerge("""
                services:
                  app:
                    expose: [3000, "4000"]
                    dns: 8.8.8.8
                    dns_search: [a.example]
                    dns_opt: [use-vc]
                    cap_add: [NET_ADMIN]
                    cap_drop: [ALL]
                    profiles: [debug]
                    links: [db]
                    tmpfs: [/run]
                    security_opt: [label:disable]
                """, """
                services:
                  app:
                    expose: ["3000", 5000]
                    dns: [8.8.8.8, 1.1.1.1]
                    dns_search: a.example
                    dns_opt: [use-vc, ndots:2]
                    cap_add: [NET_ADMIN, SYS_TIME]
                    cap_drop: [ALL]
                    profiles: [debug, test]
                    links: [db, cache]
                    tmpfs: /run
                    security_opt: [label:disable]
                """, """
                services:
                  app:
                    expose: ["3000", "4000", "5000"]
                    dns: [8.8.8.8, 1.1.1.1]
                    dns_search: [a.example]
                    dns_opt: [use-vc, "ndots:2"]
                    cap_add: [NET_ADMIN, SYS_TIME]
                    cap_drop: [ALL]
                    profiles: [debug, test]
                    links: [db, cache]
                    tmpfs: [/run]
                    security_opt: ["label:disable", "label:disable"]
                """);
    }

    @Test
    void extraHostsAppendTheMissingEntries() {
        assertMerge("""
                services:
                  app:
                    extra_hosts: [a:10.0.0.1, b=10.0.0.2]
                """, """
                services:
                  app:
                    extra_hosts: {a: 10.0.0.1, b: 10.0.0.3, c: 10.0.0.4}
                """, """
                services:
                  app:
                    extra_hosts: [a=10.0.0.1, b=10.0.0.2, b=10.0.0.3, c=10.0.0.4]
                """);
    }

    @Test
    void envFilesAreUniqueByPath() {
        assertMerge("""
                services:
                  app:
                    env_file: [a.env, b.env]
                """, """
                services:
                  app:
                    env_file: [{path: a.env, required: false}, c.env]
                """, """
                services:
                  app:
                    env_file:
                      - {path: a.env, required: false}
                      - {path: b.env, required: true}
                      - {path: c.env, required: true}
                """);
    }

    @Test
    void loggingOptionsMergeOnlyForTheSameDriver() {
        assertMerge("""
                services:
                  same: {logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}}
                  nodriver: {logging: {driver: syslog, options: {a: "1"}}}
                  other: {logging: {driver: json-file, options: {max-size: 10m}}}
                """, """
                services:
                  same: {logging: {driver: json-file, options: {max-size: 20m}}}
                  nodriver: {logging: {options: {b: "2"}}}
                  other: {logging: {driver: syslog, options: {syslog-address: "udp://1.2.3.4:514"}}}
                """, """
                services:
                  same: {logging: {driver: json-file, options: {max-size: 20m, max-file: "3"}}}
                  nodriver: {logging: {driver: syslog, options: {a: "1", b: "2"}}}
                  other: {logging: {driver: syslog, options: {syslog-address: "udp://1.2.3.4:514"}}}
                """);
    }

    @Test
    void eachUlimitIsReplacedWhole() {
        assertMerge("""
                services:
                  app:
                    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 100}
                """, """
                services:
                  app:
                    ulimits: {nofile: 4096, core: 0}
                """, """
                services:
                  app:
                    ulimits: {nofile: {single: 4096}, nproc: {single: 100}, core: {single: 0}}
                """);
    }

    @Test
    void dependsOnEntriesMergeAndGetTheirDefaults() {
        assertMerge("""
                services:
                  app:
                    depends_on:
                      db: {condition: service_healthy, required: false}
                      cache: {condition: service_healthy}
                """, """
                services:
                  app:
                    depends_on:
                      db: {restart: true}
                      queue: {condition: service_completed_successfully}
                  worker:
                    depends_on: [db]
                """, """
                services:
                  app:
                    depends_on:
                      db: {condition: service_healthy, required: false, restart: true}
                      cache: {condition: service_healthy, required: true}
                      queue: {condition: service_completed_successfully, required: true}
                  worker:
                    depends_on:
                      db: {condition: service_started, required: true}
                """);
    }

    @Test
    void aDependsOnListResetsTheCondition() {
        assertMerge("""
                services:
                  app: {depends_on: {db: {condition: service_healthy}}}
                """, """
                services:
                  app: {depends_on: [db]}
                """, """
                services:
                  app: {depends_on: {db: {condition: service_started, required: true}}}
                """);
    }

    @Test
    void serviceNetworksMergeAndAliasesStayUnique() {
        assertMerge("""
                services:
                  app:
                    networks: [front, back]
                """, """
                services:
                  app:
                    networks:
                      front: {aliases: [web, www]}
                      back:
                      admin: {ipv4_address: 10.0.0.5}
                """, """
                services:
                  app:
                    networks:
                      front: {aliases: [web, www]}
                      back: null
                      admin: {ipv4_address: 10.0.0.5}
                """);
        assertMerge("""
                services:
                  app:
                    networks: {front: {aliases: [web], priority: 1}}
                """, """
                services:
                  app:
                    networks: {front: {aliases: [web, api]}}
                """, """
                services:
                  app:
                    networks: {front: {aliases: [web, api], priority: 1}}
                """);
    }

    @Test
    void buildStringAndMappingMerge() {
        assertMerge("""
                services:
                  app:
                    build: ./app
                """, """
                services:
                  app:
                    build: {dockerfile: Dockerfile.dev, args: [DEBUG=1], tags: [app:dev]}
                """, """
                services:
                  app:
                    build: {context: ./app, dockerfile: Dockerfile.dev, args: {DEBUG: "1"}, tags: ["app:dev"]}
                """);
    }

    @Test
    void ipamConfigMergesBySubnet() {
        assertMerge("""
                networks:
                  front:
                    ipam:
                      config:
                        - {subnet: 172.28.0.0/16, gateway: 172.28.0.1}
                        - {subnet: 10.5.0.0/16}
                """, """
                networks:
                  front:
                    ipam:
                      config:
                        - {subnet: 172.28.0.0/16, ip_range: 172.28.5.0/24}
                        - {subnet: 192.168.0.0/24}
                """, """
                networks:
                  front:
                    ipam:
                      config:
                        - {subnet: 172.28.0.0/16, gateway: 172.28.0.1, ip_range: 172.28.5.0/24}
                        - {subnet: 10.5.0.0/16}
                        - {subnet: 192.168.0.0/24}
                """);
    }

    @Test
    void networkAndVolumeLabelsMergeByKey() {
        assertMerge("""
                networks:
                  front: {labels: [a=1]}
                volumes:
                  data: {driver: local, labels: {a: "1"}}
                """, """
                networks:
                  front: {labels: {b: "2"}}
                volumes:
                  data: {labels: [a=2]}
                """, """
                networks:
                  front: {labels: {a: "1", b: "2"}}
                volumes:
                  data: {driver: local, labels: {a: "2"}}
                """);
    }

    @Test
    void resetRemovesAKeyWhateverItsValue() {
        assertMerge("""
                services:
                  web:
                    image: nginx
                    ports: ["80:80"]
                    environment: {A: "1", B: "2"}
                    build: .
                  old: {image: old}
                """, """
                services:
                  web:
                    ports: !reset ["8080:80"]
                    environment:
                      A: !reset
                    build: !reset null
                  old: !reset
                """, """
                services:
                  web:
                    image: nginx
                    environment: {B: "2"}
                """);
    }

    @Test
    void overrideReplacesInsteadOfMerging() {
        assertMerge("""
                services:
                  web:
                    ports: ["80:80", "443:443"]
                    environment: {A: "1", B: "2"}
                    logging: {driver: json-file, options: {max-size: 10m}}
                """, """
                services:
                  web:
                    ports: !override ["8080:80"]
                    environment: !override [C=3]
                    logging: !override {options: {max-file: "2"}}
                """, """
                services:
                  web:
                    ports: [{target: 80, published: "8080", protocol: tcp, mode: ingress}]
                    environment: {C: "3"}
                    logging: {options: {max-file: "2"}}
                """);
    }

    @Test
    void tagsInTheFirstFileAreResolvedToo() {
        assertMerge("""
                services:
                  web:
                    image: nginx
                    ports: !reset ["80:80"]
                    environment: !override {A: "1"}
                    dns: [!reset 1.1.1.1, 8.8.8.8]
                """, """
                services:
                  web:
                    ports: ["8080:80"]
                """, """
                services:
                  web:
                    image: nginx
                    environment: {A: "1"}
                    dns: [8.8.8.8]
                    ports: [{target: 80, published: "8080", protocol: tcp, mode: ingress}]
                """);
    }

    @Test
    void tagsInNewKeysAreResolved() {
        assertMerge("""
                services:
                  web: {image: nginx}
                """, """
                services:
                  api:
                    image: api
                    ports: !reset []
                    environment: !override {A: "1", B: !reset null}
                """, """
                services:
                  web: {image: nginx}
                  api:
                    image: api
                    environment: {A: "1"}
                """);
    }

    @Test
    void stripResolvesASingleFile() {
        Map<String, Object> stripped = Merger.strip(canonical("""
                services:
                  web:
                    image: nginx
                    command: !reset run
                    ports: ["80:80", "80:80"]
                    depends_on: {db: {condition: service_healthy}}
                    volumes: [!override ./a:/a]
                """));
        assertEquals(yaml("""
                services:
                  web:
                    image: nginx
                    ports: [{target: 80, published: "80", protocol: tcp, mode: ingress}]
                    depends_on: {db: {condition: service_healthy, required: true}}
                    volumes: [{type: bind, source: ./a, target: /a, bind: {create_host_path: true}}]
                """), stripped);
    }

    @Test
    void anchorsAndMergeKeysInTheOverrideFile() {
        assertMerge("""
                services:
                  a: {image: a, environment: {LEVEL: info}}
                  b: {image: b}
                """, """
                x-debug: &debug
                  environment: [LEVEL=debug]
                  ports: ["9229"]
                services:
                  a:
                    <<: *debug
                  b:
                    <<: *debug
                    environment: [OTHER=1]
                """, """
                x-debug:
                  environment: [LEVEL=debug]
                  ports: ["9229"]
                services:
                  a:
                    image: a
                    environment: {LEVEL: debug}
                    ports: [{target: 9229, protocol: tcp, mode: ingress}]
                  b:
                    image: b
                    environment: {OTHER: "1"}
                    ports: [{target: 9229, protocol: tcp, mode: ingress}]
                """);
    }

    @Test
    void mergeServiceAppliesTheServiceRules() {
        Map<String, Object> base = service(canonical("""
                services:
                  base: {image: base, ports: ["80:80"], environment: [A=1], command: run}
                """), "base");
        Map<String, Object> web = service(canonical("""
                services:
                  web: {extends: base, ports: ["80:80", "81:81"], environment: [B=2], command: !reset null}
                """), "web");
        assertEquals(service(yaml("""
                services:
                  web:
                    image: base
                    ports:
                      - {target: 80, published: "80", protocol: tcp, mode: ingress}
                      - {target: 81, published: "81", protocol: tcp, mode: ingress}
                    environment: {A: "1", B: "2"}
                    extends: {service: base}
                """), "web"), Merger.mergeService("web", base, web, null));
    }

    @Test
    void incompatibleFormsAreAnErrorAtTheOverridesLine() {
        YamlDocument override = YamlReader.read(Path.of("/p/override.yaml"), """
                services:
                  web:
                    deploy:
                      placement: [one]
                """).get(0);
        ComposeException e = assertThrows(ComposeException.class, () -> Merger.merge(
                canonical("services: {web: {deploy: {placement: {constraints: [a]}}}}"),
                Canonicalizer.canonical(override.root(), override.sources()), override.sources()));
        assertEquals("services.web.deploy.placement", e.path());
        assertEquals(4, e.location().line());
        assertEquals(Path.of("/p/override.yaml"), e.location().file());
        assertTrue(e.problem().contains("cannot merge a list into a mapping"), e.problem());
    }

    @Test
    void aPortWithoutTargetIsAnError() {
        ComposeException e = assertThrows(ComposeException.class, () -> Merger.strip(canonical("""
                services:
                  web:
                    ports: [{published: "80"}]
                """)));
        assertEquals("services.web.ports[0]", e.path());
    }

    @Test
    void inputsAreNotModified() {
        Map<String, Object> base = canonical("services: {web: {ports: [\"80:80\"], environment: [A=1]}}");
        Map<String, Object> override = canonical("services: {web: {ports: [\"81:81\"], environment: !reset []}}");
        Map<String, Object> baseCopy = canonical("services: {web: {ports: [\"80:80\"], environment: [A=1]}}");
        Map<String, Object> overrideCopy = canonical("services: {web: {ports: [\"81:81\"], environment: !reset []}}");
        Merger.merge(base, override);
        assertEquals(baseCopy, base);
        assertEquals(overrideCopy, override);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> root, String name) {
        return (Map<String, Object>) ((Map<String, Object>) root.get("services")).get(name);
    }
}
