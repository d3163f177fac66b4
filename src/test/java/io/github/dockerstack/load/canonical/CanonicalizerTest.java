package io.github.dockerstack.load.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.Tagged;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {
    private static final Path FILE = Path.of("/p/compose.yaml");

    private static YamlDocument read(String yaml) {
        return YamlReader.read(FILE, yaml).get(0);
    }

    private static Map<String, Object> canonical(String yaml) {
        YamlDocument doc = read(yaml);
        return Canonicalizer.canonical(doc.root(), doc.sources());
    }

    private static void assertCanonical(String input, String expected) {
        assertEquals(read(expected).root(), canonical(input));
    }

    private static ComposeException error(String yaml) {
        return assertThrows(ComposeException.class, () -> canonical(yaml));
    }

    @Test
    void topLevelDropsVersionAndEmptySectionsBecomeMappings() {
        assertCanonical("""
                version: "3.8"
                name: demo
                services:
                networks:
                volumes:
                secrets:
                configs:
                x-custom: {a: 1}
                """, """
                name: demo
                services: {}
                networks: {}
                volumes: {}
                secrets: {}
                configs: {}
                x-custom: {a: 1}
                """);
    }

    @Test
    void shortPortsBecomeOneEntryPerContainerPort() {
        assertCanonical("""
                services:
                  web:
                    ports:
                      - "8080:80"
                      - 3000
                      - 127.0.0.1:5000:5000/udp
                      - "[::1]:9000:9000"
                      - 9090-9091:8080-8081
                      - 49100-49110:22
                      - 127.0.0.1::6000
                      - 7000-7001
                """, """
                services:
                  web:
                    ports:
                      - {target: 80, published: "8080", protocol: tcp, mode: ingress}
                      - {target: 3000, protocol: tcp, mode: ingress}
                      - {target: 5000, published: "5000", host_ip: 127.0.0.1, protocol: udp, mode: ingress}
                      - {target: 9000, published: "9000", host_ip: "::1", protocol: tcp, mode: ingress}
                      - {target: 8080, published: "9090", protocol: tcp, mode: ingress}
                      - {target: 8081, published: "9091", protocol: tcp, mode: ingress}
                      - {target: 22, published: "49100-49110", protocol: tcp, mode: ingress}
                      - {target: 6000, host_ip: 127.0.0.1, protocol: tcp, mode: ingress}
                      - {target: 7000, protocol: tcp, mode: ingress}
                      - {target: 7001, protocol: tcp, mode: ingress}
                """);
    }

    @Test
    void longPortsGetANumericTargetAStringPublishedAndDefaults() {
        assertCanonical("""
                services:
                  web:
                    ports:
                      - target: "80"
                        published: 8080
                      - {target: 53, published: "5353", protocol: udp, mode: host, name: dns}
                """, """
                services:
                  web:
                    ports:
                      - {target: 80, published: "8080", protocol: tcp, mode: ingress}
                      - {target: 53, published: "5353", protocol: udp, mode: host, name: dns}
                """);
    }

    @Test
    void invalidShortPortsNameTheEntryAndItsLine() {
        ComposeException e = error("""
                services:
                  web:
                    ports:
                      - "8080:80"
                      - "abc:80"
                """);
        assertEquals("services.web.ports[1]", e.path());
        assertEquals(5, e.location().line());
        assertEquals(FILE, e.location().file());
        assertTrue(e.problem().contains("'abc' is not a valid host port"), e.problem());
        assertTrue(e.problem().contains("expected [HOST_IP:][HOST_PORT"), e.problem());

        assertTrue(error("services: {web: {ports: [\"8000-8002:80-81\"]}}").problem().contains("differ in size"));
        assertTrue(error("services: {web: {ports: [\"80/icmp\"]}}").problem().contains("unknown protocol 'icmp'"));
        assertTrue(error("services: {web: {ports: [\"300.0.0.1:80:80\"]}}").problem().contains("not an IP address"));
        assertTrue(error("services: {web: {ports: [\"70000\"]}}").problem().contains("not a valid container port"));
        assertTrue(error("services: {web: {ports: [\"82-80\"]}}").problem().contains("ends before it starts"));
    }

    @Test
    void shortVolumesBecomeMounts() {
        assertCanonical("""
                services:
                  db:
                    volumes:
                      - ./data:/var/lib/db:ro
                      - db-data:/data/
                      - /cache
                      - ~/conf:/etc/conf:z,rshared
                      - logs:/logs:nocopy
                      - /run/docker.sock:/var/run/docker.sock:rw,cached
                      - C:\\work:/work
                """, """
                services:
                  db:
                    volumes:
                      - {type: bind, source: ./data, target: /var/lib/db, read_only: true, bind: {create_host_path: true}}
                      - {type: volume, source: db-data, target: /data, volume: {}}
                      - {type: volume, target: /cache, volume: {}}
                      - {type: bind, source: ~/conf, target: /etc/conf, bind: {create_host_path: true, propagation: rshared, selinux: z}}
                      - {type: volume, source: logs, target: /logs, volume: {nocopy: true}}
                      - {type: bind, source: /run/docker.sock, target: /var/run/docker.sock, bind: {create_host_path: true}}
                      - {type: bind, source: "C:\\\\work", target: /work, bind: {create_host_path: true}}
                """);
    }

    @Test
    void longVolumesStayAsWritten() {
        assertCanonical("""
                services:
                  db:
                    volumes:
                      - {type: tmpfs, target: /tmp/, tmpfs: {size: 1000}}
                """, """
                services:
                  db:
                    volumes:
                      - {type: tmpfs, target: /tmp/, tmpfs: {size: 1000}}
                """);
    }

    @Test
    void invalidShortVolumesSayWhatIsExpected() {
        ComposeException tooMany = error("""
                services:
                  db:
                    volumes:
                      - ./a:/a
                      - ./a:/b:ro:extra
                """);
        assertEquals("services.db.volumes[1]", tooMany.path());
        assertEquals(5, tooMany.location().line());
        assertTrue(tooMany.problem().contains("too many ':'-separated parts"), tooMany.problem());
        assertTrue(tooMany.problem().contains("expected [SOURCE:]TARGET[:MODE]"), tooMany.problem());

        ComposeException mode = error("services: {db: {volumes: [\"./a:/a:rox\"]}}");
        assertEquals("services.db.volumes[0]", mode.path());
        assertTrue(mode.problem().contains("unknown mode 'rox'"), mode.problem());

        assertTrue(error("services: {db: {volumes: [\"./a::ro\"]}}").problem().contains("empty"));
    }

    @Test
    void environmentListBecomesAMappingWithNullForBareNames() {
        assertCanonical("""
                services:
                  app:
                    environment:
                      - A=1
                      - B
                      - C=
                      - D=x=y
                    build:
                      context: .
                      args: [VERSION=1, TOKEN]
                """, """
                services:
                  app:
                    environment: {A: "1", B: null, C: "", D: "x=y"}
                    build:
                      context: .
                      args: {VERSION: "1", TOKEN: null}
                """);
    }

    @Test
    void environmentMappingKeepsItsValues() {
        assertCanonical("""
                services:
                  app:
                    environment: {A: 1, B: true, C: null}
                """, """
                services:
                  app:
                    environment: {A: 1, B: true, C: null}
                """);
    }

    @Test
    void labelListsBecomeMappingsWithEmptyStringsForBareNames() {
        assertCanonical("""
                services:
                  app:
                    labels: [com.example.a=1, com.example.flag]
                    annotations: [a=1]
                    sysctls: [net.core.somaxconn=1024]
                    deploy: {labels: [tier=web]}
                    build: {context: ., labels: [x=y], additional_contexts: [base=docker-image://alpine]}
                networks:
                  front: {labels: [n=1]}
                volumes:
                  data: {labels: [v]}
                """, """
                services:
                  app:
                    labels: {com.example.a: "1", com.example.flag: ""}
                    annotations: {a: "1"}
                    sysctls: {net.core.somaxconn: "1024"}
                    deploy: {labels: {tier: web}}
                    build: {context: ., labels: {x: y}, additional_contexts: {base: "docker-image://alpine"}}
                networks:
                  front: {labels: {n: "1"}}
                volumes:
                  data: {labels: {v: ""}}
                """);
    }

    @Test
    void environmentNamesWithTrailingSpacesAreRejected() {
        ComposeException e = error("""
                services:
                  app:
                    environment:
                      - "A =1"
                """);
        assertEquals("services.app.environment[0]", e.path());
        assertEquals(4, e.location().line());
        assertTrue(e.problem().contains("ends with a space"), e.problem());
    }

    @Test
    void listEntriesTurnedIntoKeysAreLocatedWhereTheyWere() {
        YamlDocument doc = read("""
                services:
                  app:
                    environment:
                      - A=1
                      - B=2
                """);
        SourceMap sources = doc.sources();
        Canonicalizer.canonical(doc.root(), sources);
        assertEquals(5, sources.locate("services.app.environment.B").line());
    }

    @Test
    void commandStringsAreSplitLikeAShell() {
        assertCanonical("""
                services:
                  app:
                    command: sh -c 'echo "hello world"' --flag="a b" x\\ y ""
                    entrypoint: /bin/entry
                  other:
                    command: [echo, "a b"]
                    entrypoint: null
                """, """
                services:
                  app:
                    command: [sh, -c, 'echo "hello world"', "--flag=a b", "x y", ""]
                    entrypoint: [/bin/entry]
                  other:
                    command: [echo, "a b"]
                    entrypoint: null
                """);
    }

    @Test
    void unbalancedQuotesInACommandAreAnError() {
        ComposeException e = error("""
                services:
                  app:
                    command: echo "oops
                """);
        assertEquals("services.app.command", e.path());
        assertEquals(3, e.location().line());
        assertTrue(e.problem().contains("double quote is not closed"), e.problem());
    }

    @Test
    void hookCommandsAndEnvironmentAreCanonicalToo() {
        assertCanonical("""
                services:
                  app:
                    post_start:
                      - command: ./init.sh --fast
                        environment: [MODE=fast]
                """, """
                services:
                  app:
                    post_start:
                      - command: [./init.sh, --fast]
                        environment: {MODE: fast}
                """);
    }

    @Test
    void dependsOnListBecomesStartedAndRequired() {
        assertCanonical("""
                services:
                  app:
                    depends_on: [db, cache]
                  worker:
                    depends_on:
                      db: {condition: service_healthy}
                """, """
                services:
                  app:
                    depends_on:
                      db: {condition: service_started, required: true}
                      cache: {condition: service_started, required: true}
                  worker:
                    depends_on:
                      db: {condition: service_healthy}
                """);
    }

    @Test
    void healthcheckTestStringRunsInTheShell() {
        assertCanonical("""
                services:
                  app:
                    healthcheck: {test: curl -f http://localhost || exit 1, interval: 10s}
                  db:
                    healthcheck: {test: [CMD, pg_isready]}
                """, """
                services:
                  app:
                    healthcheck: {test: [CMD-SHELL, curl -f http://localhost || exit 1], interval: 10s}
                  db:
                    healthcheck: {test: [CMD, pg_isready]}
                """);
    }

    @Test
    void buildStringIsTheContext() {
        assertCanonical("""
                services:
                  app:
                    build: ./app
                  lib:
                    build: {context: ./lib, cache_from: alpine, tags: app:1, platforms: linux/amd64}
                """, """
                services:
                  app:
                    build: {context: ./app}
                  lib:
                    build: {context: ./lib, cache_from: [alpine], tags: ["app:1"], platforms: [linux/amd64]}
                """);
    }

    @Test
    void envFileEntriesArePathsWithRequired() {
        assertCanonical("""
                services:
                  a:
                    env_file: .env
                  b:
                    env_file:
                      - common.env
                      - path: local.env
                        required: false
                      - path: more.env
                """, """
                services:
                  a:
                    env_file: [{path: .env, required: true}]
                  b:
                    env_file:
                      - {path: common.env, required: true}
                      - {path: local.env, required: false}
                      - {path: more.env, required: true}
                """);
    }

    @Test
    void secretAndConfigNamesBecomeSources() {
        assertCanonical("""
                services:
                  app:
                    secrets: [token, {source: key, target: /k, mode: 0o400}]
                    configs: [nginx]
                """, """
                services:
                  app:
                    secrets: [{source: token}, {source: key, target: /k, mode: 256}]
                    configs: [{source: nginx}]
                """);
    }

    @Test
    void ulimitNumbersAreSingle() {
        assertCanonical("""
                services:
                  app:
                    ulimits:
                      nproc: 65535
                      nofile: {soft: 20000, hard: 40000}
                """, """
                services:
                  app:
                    ulimits:
                      nproc: {single: 65535}
                      nofile: {soft: 20000, hard: 40000}
                """);
    }

    @Test
    void extraHostsBecomeHostEqualsIp() {
        assertCanonical("""
                services:
                  a:
                    extra_hosts:
                      - somehost:162.242.195.82
                      - other=50.31.209.229
                      - v6:::1
                      - multi=10.0.0.1,10.0.0.2
                      - bracket=[::2]
                  b:
                    extra_hosts:
                      one: 10.0.0.1
                      two: [10.0.0.2, 10.0.0.3]
                    build: {context: ., extra_hosts: [x:1.1.1.1]}
                """, """
                services:
                  a:
                    extra_hosts: [somehost=162.242.195.82, other=50.31.209.229, "v6=::1", multi=10.0.0.1, multi=10.0.0.2, "bracket=::2"]
                  b:
                    extra_hosts: [one=10.0.0.1, two=10.0.0.2, two=10.0.0.3]
                    build: {context: ., extra_hosts: [x=1.1.1.1]}
                """);
        ComposeException e = error("services: {a: {extra_hosts: [nohost]}}");
        assertEquals("services.a.extra_hosts[0]", e.path());
        assertTrue(e.problem().contains("has no IP address"), e.problem());
    }

    @Test
    void devicesBecomeSourceTargetPermissions() {
        assertCanonical("""
                services:
                  a:
                    devices:
                      - /dev/ttyUSB0
                      - /dev/sda:/dev/xvda
                      - /dev/snd:/dev/snd:r
                      - {source: /dev/fuse, target: /dev/fuse, permissions: rwm}
                """, """
                services:
                  a:
                    devices:
                      - {source: /dev/ttyUSB0, target: /dev/ttyUSB0, permissions: rwm}
                      - {source: /dev/sda, target: /dev/xvda, permissions: rwm}
                      - {source: /dev/snd, target: /dev/snd, permissions: r}
                      - {source: /dev/fuse, target: /dev/fuse, permissions: rwm}
                """);
        ComposeException e = error("services: {a: {devices: [\"/a:/b:r:x\"]}}");
        assertEquals("services.a.devices[0]", e.path());
    }

    @Test
    void serviceNetworkListBecomesAMapping() {
        assertCanonical("""
                services:
                  a:
                    networks: [front, back]
                  b:
                    networks:
                      front: {aliases: [web]}
                      back:
                """, """
                services:
                  a:
                    networks: {front: null, back: null}
                  b:
                    networks:
                      front: {aliases: [web]}
                      back: null
                """);
    }

    @Test
    void stringsBecomeOneItemLists() {
        assertCanonical("""
                services:
                  a:
                    dns: 8.8.8.8
                    dns_search: example.com
                    dns_opt: [use-vc]
                    tmpfs: /run
                    cap_add: NET_ADMIN
                    profiles: debug
                    security_opt: label:disable
                    expose: [3000, "4000"]
                """, """
                services:
                  a:
                    dns: [8.8.8.8]
                    dns_search: [example.com]
                    dns_opt: [use-vc]
                    tmpfs: [/run]
                    cap_add: [NET_ADMIN]
                    profiles: [debug]
                    security_opt: ["label:disable"]
                    expose: ["3000", "4000"]
                """);
    }

    @Test
    void extendsStringIsTheService() {
        assertCanonical("""
                services:
                  a:
                    extends: base
                """, """
                services:
                  a:
                    extends: {service: base}
                """);
    }

    @Test
    void legacyExternalNameMovesToName() {
        assertCanonical("""
                networks:
                  outside: {external: {name: real-net}}
                  plain: {external: true}
                volumes:
                  data: {external: {name: real-vol}}
                secrets:
                  s: {external: {}}
                """, """
                networks:
                  outside: {external: true, name: real-net}
                  plain: {external: true}
                volumes:
                  data: {external: true, name: real-vol}
                secrets:
                  s: {external: true}
                """);
        ComposeException e = error("""
                volumes:
                  data:
                    name: one
                    external: {name: two}
                """);
        assertEquals("volumes.data.external", e.path());
        assertEquals(4, e.location().line());
    }

    @Test
    void includeEntriesHaveListsOfPaths() {
        assertCanonical("""
                include:
                  - ../common/compose.yaml
                  - path: other.yaml
                    env_file: other.env
                """, """
                include:
                  - path: [../common/compose.yaml]
                  - {path: [other.yaml], env_file: [other.env]}
                """);
    }

    @Test
    void tagsSurviveAroundCanonicalValues() {
        Map<String, Object> root = canonical("""
                services:
                  web:
                    ports: !override ["8080:80"]
                    environment: !reset []
                    healthcheck:
                      test: !override curl localhost
                    volumes:
                      - !override ./a:/a
                """);
        Map<?, ?> web = (Map<?, ?>) ((Map<?, ?>) root.get("services")).get("web");
        Tagged ports = (Tagged) web.get("ports");
        assertEquals(Tagged.Tag.OVERRIDE, ports.tag());
        assertEquals(List.of(Map.of("target", 80L, "published", "8080", "protocol", "tcp", "mode", "ingress")), ports.value());
        assertEquals(new Tagged(Tagged.Tag.RESET, Map.of()), web.get("environment"));
        assertEquals(new Tagged(Tagged.Tag.OVERRIDE, List.of("CMD-SHELL", "curl localhost")),
                ((Map<?, ?>) web.get("healthcheck")).get("test"));
        Tagged volume = (Tagged) ((List<?>) web.get("volumes")).get(0);
        assertEquals("bind", ((Map<?, ?>) volume.value()).get("type"));
    }

    @Test
    void taggedListItemsOfAReshapedListAreDroppedOrUnwrapped() {
        assertCanonical("""
                services:
                  web:
                    environment: [A=1, !reset B=2, !override C=3]
                    ports: [!reset "80:80"]
                """, """
                services:
                  web:
                    environment: {A: "1", C: "3"}
                    ports: [!reset {target: 80, published: "80", protocol: tcp, mode: ingress}]
                """);
    }

    @Test
    void anchorsAliasesAndMergeKeysAreCanonicalAtEveryUse() {
        assertCanonical("""
                x-base: &base
                  environment: [LOG=debug]
                  ports: ["80"]
                services:
                  a:
                    <<: *base
                    image: a
                  b:
                    <<: *base
                    environment: [ONLY=b]
                """, """
                x-base:
                  environment: [LOG=debug]
                  ports: ["80"]
                services:
                  a:
                    environment: {LOG: debug}
                    ports: [{target: 80, protocol: tcp, mode: ingress}]
                    image: a
                  b:
                    environment: {ONLY: b}
                    ports: [{target: 80, protocol: tcp, mode: ingress}]
                """);
    }

    @Test
    void theInputTreeIsNotModified() {
        YamlDocument doc = read("""
                version: "3"
                services:
                  a:
                    ports: ["80:80"]
                    environment: [A=1]
                """);
        Map<String, Object> before = read("""
                version: "3"
                services:
                  a:
                    ports: ["80:80"]
                    environment: [A=1]
                """).root();
        Map<String, Object> out = Canonicalizer.canonical(doc.root(), doc.sources());
        assertEquals(before, doc.root());
        assertFalse(out.containsKey("version"));
    }

    @Test
    void nullValuesPassThrough() {
        Map<String, Object> root = canonical("""
                services:
                  a:
                    ports:
                    command:
                """);
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) root.get("services")).get("a");
        assertTrue(a.containsKey("ports"));
        assertNull(a.get("ports"));
        assertNull(a.get("command"));
    }
}
