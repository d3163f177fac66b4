package io.github.dockerstack.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.bind.BindContext;
import io.github.dockerstack.load.bind.Binder;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {
    private static final Path FILE = Path.of("/p/compose.yaml");

    /** A text block re-indented by {@code spaces}, to find it inside a larger output. */
    private static String at(int spaces, String block) {
        return block.lines().map(l -> " ".repeat(spaces) + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static Project project(String yaml) {
        YamlDocument doc = YamlReader.read(FILE, yaml).get(0);
        return Binder.bind(doc.root(), doc.sources(), new BindContext("demo", Path.of("/p"), List.of(FILE), Map.of(), List.of()));
    }

    private static final String PROJECT = """
            services:
              web:
                image: nginx:1.25
                build:
                  context: /p/web
                  dockerfile: Dockerfile
                  args: {VERSION: "1.2", UNSET: null}
                entrypoint: []
                environment: {B: "2", A: 1}
                depends_on:
                  db: {condition: service_healthy, required: true}
                ports:
                  - {target: 80, published: 8080, protocol: tcp, mode: ingress}
                networks:
                  default: null
                  back: {aliases: [api]}
                volumes:
                  - type: bind
                    source: /p/html
                    target: /usr/share/nginx/html
                    read_only: true
                    bind: {create_host_path: true}
                stop_grace_period: 90s
                x-note: only in yaml
              db:
                image: postgres:16
                healthcheck:
                  test: [CMD-SHELL, pg_isready]
                  interval: 10s
                  timeout: 1500ms
                  retries: 5
                volumes:
                  - {type: volume, source: data, target: /var/lib/postgresql/data, volume: {}}
                shm_size: 128m
                networks:
                  back: null
            networks:
              default: {}
              back: {driver: bridge}
            volumes:
              data: {}
            x-shared: {b: true, a: 1.5}
            """;

    @Test
    void jsonGolden() {
        assertEquals("""
                {
                  "name": "demo",
                  "networks": {
                    "back": {
                      "name": "demo_back",
                      "driver": "bridge",
                      "ipam": {}
                    },
                    "default": {
                      "name": "demo_default",
                      "ipam": {}
                    }
                  },
                  "services": {
                    "db": {
                      "command": null,
                      "entrypoint": null,
                      "healthcheck": {
                        "test": [
                          "CMD-SHELL",
                          "pg_isready"
                        ],
                        "timeout": "1.5s",
                        "interval": "10s",
                        "retries": 5
                      },
                      "image": "postgres:16",
                      "networks": {
                        "back": null
                      },
                      "shm_size": "134217728",
                      "volumes": [
                        {
                          "type": "volume",
                          "source": "data",
                          "target": "/var/lib/postgresql/data",
                          "volume": {}
                        }
                      ]
                    },
                    "web": {
                      "build": {
                        "context": "/p/web",
                        "dockerfile": "Dockerfile",
                        "args": {
                          "UNSET": null,
                          "VERSION": "1.2"
                        }
                      },
                      "command": null,
                      "depends_on": {
                        "db": {
                          "condition": "service_healthy",
                          "required": true
                        }
                      },
                      "entrypoint": [],
                      "environment": {
                        "A": "1",
                        "B": "2"
                      },
                      "image": "nginx:1.25",
                      "networks": {
                        "back": {
                          "aliases": [
                            "api"
                          ]
                        },
                        "default": null
                      },
                      "ports": [
                        {
                          "mode": "ingress",
                          "target": 80,
                          "published": "8080",
                          "protocol": "tcp"
                        }
                      ],
                      "stop_grace_period": "1m30s",
                      "volumes": [
                        {
                          "type": "bind",
                          "source": "/p/html",
                          "target": "/usr/share/nginx/html",
                          "read_only": true,
                          "bind": {}
                        }
                      ]
                    }
                  },
                  "volumes": {
                    "data": {
                      "name": "demo_data"
                    }
                  },
                  "x-shared": {
                    "a": 1.5,
                    "b": true
                  }
                }""", ConfigRenderer.toJson(project(PROJECT)));
    }

    @Test
    void yamlGolden() {
        assertEquals("""
                name: demo
                services:
                  db:
                    healthcheck:
                      test:
                        - CMD-SHELL
                        - pg_isready
                      timeout: 1.5s
                      interval: 10s
                      retries: 5
                    image: postgres:16
                    networks:
                      back: null
                    shm_size: "134217728"
                    volumes:
                      - type: volume
                        source: data
                        target: /var/lib/postgresql/data
                        volume: {}
                  web:
                    build:
                      context: /p/web
                      dockerfile: Dockerfile
                      args:
                        UNSET: null
                        VERSION: "1.2"
                    depends_on:
                      db:
                        condition: service_healthy
                        required: true
                    entrypoint: []
                    environment:
                      A: "1"
                      B: "2"
                    image: nginx:1.25
                    networks:
                      back:
                        aliases:
                          - api
                      default: null
                    ports:
                      - mode: ingress
                        target: 80
                        published: "8080"
                        protocol: tcp
                    stop_grace_period: 1m30s
                    volumes:
                      - type: bind
                        source: /p/html
                        target: /usr/share/nginx/html
                        read_only: true
                        bind: {}
                    x-note: only in yaml
                networks:
                  back:
                    name: demo_back
                    driver: bridge
                  default:
                    name: demo_default
                volumes:
                  data:
                    name: demo_data
                x-shared:
                  a: 1.5
                  b: true
                """, ConfigRenderer.toYaml(project(PROJECT)));
    }

    @Test
    void treeIsTheJsonShape() {
        Map<String, Object> tree = ConfigRenderer.toTree(project(PROJECT));
        assertEquals(List.of("name", "networks", "services", "volumes", "x-shared"), List.copyOf(tree.keySet()));
        Map<?, ?> web = (Map<?, ?>) ((Map<?, ?>) tree.get("services")).get("web");
        assertTrue(web.containsKey("command"));
        assertEquals(null, web.get("command"));
        assertFalse(web.containsKey("x-note"));
    }

    @Test
    void serviceKeysFollowComposeFieldOrder() {
        Service s = project("""
                services:
                  a:
                    working_dir: /w
                    healthcheck: {disable: true}
                    hostname: h
                    cpu_shares: 2
                    cpuset: "0"
                    cpus: 1
                    profiles: [p]
                    annotations: {k: v}
                    memswap_limit: -1
                    mac_address: 02:42:ac:11:00:02
                    pull_policy: always
                """).service("a");
        Project p = project("services: {}").withServices(Map.of("a", s), Map.of());
        Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) ConfigRenderer.toTree(p).get("services")).get("a");
        assertEquals(List.of("profiles", "annotations", "cpus", "cpuset", "cpu_shares", "command", "entrypoint", "hostname",
                "healthcheck", "memswap_limit", "mac_address", "pull_policy", "working_dir"), List.copyOf(a.keySet()));
        assertEquals("-1", a.get("memswap_limit"));
    }

    @Test
    void omitsEmptyAndFalseButKeepsSetPointers() {
        String json = ConfigRenderer.toJson(project("""
                services:
                  a:
                    image: x
                    init: false
                    privileged: false
                    scale: 0
                    cpu_shares: 0
                    labels: {}
                """));
        assertTrue(json.contains("\"init\": false"), json);
        assertTrue(json.contains("\"scale\": 0"), json);
        assertFalse(json.contains("privileged"), json);
        assertFalse(json.contains("cpu_shares"), json);
        assertFalse(json.contains("labels"), json);
    }

    @Test
    void jsonSortsKeysByBytesYamlNaturally() {
        Project p = project("""
                services:
                  web10: {image: x}
                  web9: {image: x}
                  Web: {image: x}
                """);
        Map<?, ?> services = (Map<?, ?>) ConfigRenderer.toTree(p).get("services");
        assertEquals(List.of("Web", "web10", "web9"), List.copyOf(services.keySet()));
        String yaml = ConfigRenderer.toYaml(p);
        assertTrue(yaml.indexOf("  Web:") < yaml.indexOf("  web9:") && yaml.indexOf("  web9:") < yaml.indexOf("  web10:"), yaml);
    }

    @Test
    void createHostPathIsPrintedOnlyWhenFalse() {
        String json = ConfigRenderer.toJson(project("""
                services:
                  a:
                    volumes:
                      - {type: bind, source: /h, target: /c, bind: {create_host_path: false, selinux: z}}
                """));
        assertTrue(json.contains(at(10, """
                          "bind": {
                            "selinux": "z",
                            "create_host_path": false
                          }""")), json);
    }

    @Test
    void secretsHideContentConfigsShowIt() {
        Project p = project("services: {}").withServices(Map.of(), Map.of());
        p = new Project(p.name(), p.workingDir(), p.configFiles(), p.environment(), p.profiles(), p.services(), p.disabledServices(),
                p.networks(), p.volumes(),
                Map.of("s", new FileObject("demo_s", null, "TOKEN", "secret-value", false, Map.of(), Map.of())),
                Map.of("c", new FileObject("demo_c", null, null, "inline", false, Map.of(), Map.of()),
                        "e", new FileObject("demo_e", null, "CONF", "from-env", false, Map.of(), Map.of())),
                Map.of());
        String json = ConfigRenderer.toJson(p);
        assertFalse(json.contains("secret-value"), json);
        assertTrue(json.contains("\"environment\": \"TOKEN\""), json);
        assertTrue(json.contains("\"content\": \"inline\""), json);
        assertFalse(json.contains("from-env"), json);
    }

    @Test
    void deployAndUlimitsDifferBetweenJsonAndYaml() {
        Project p = project("""
                services:
                  a:
                    deploy:
                      replicas: 2
                      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}
                    ulimits:
                      nofile: {soft: 0, hard: 10}
                """);
        assertEquals("""
                    deploy:
                      replicas: 2
                      restart_policy:
                        condition: on-failure
                        delay: 5s
                        max_attempts: 3
                    ulimits:
                      nofile:
                        soft: 0
                        hard: 10
                """, ConfigRenderer.toYaml(p).replaceAll("(?s)^.*?(    deploy:)", "$1"));
        assertTrue(ConfigRenderer.toJson(p).contains(at(6, """
                      "deploy": {
                        "replicas": 2,
                        "resources": {},
                        "restart_policy": {
                          "condition": "on-failure",
                          "delay": "5s",
                          "max_attempts": 3
                        },
                        "placement": {}
                      },""")), ConfigRenderer.toJson(p));
        assertTrue(ConfigRenderer.toJson(p).contains(at(6, """
                      "ulimits": {
                        "nofile": {
                          "hard": 10
                        }
                      }""")), ConfigRenderer.toJson(p));
    }

    @Test
    void numbersAndSizesPrintLikeCompose() {
        Project p = project("""
                services:
                  a:
                    cpus: 0.1
                    mem_limit: 1g
                    deploy: {resources: {limits: {cpus: "2", memory: 512m, pids: 100}}}
                    secrets: [{source: s, mode: "0440"}]
                    volumes: [{type: tmpfs, target: /t, tmpfs: {size: 64m, mode: "1777"}}]
                """);
        String json = ConfigRenderer.toJson(p);
        assertTrue(json.contains("\"cpus\": 0.1,"), json);
        assertTrue(json.contains("\"mem_limit\": \"1073741824\""), json);
        assertTrue(json.contains(at(10, """
                          "limits": {
                            "cpus": 2,
                            "memory": "536870912",
                            "pids": 100
                          }""")), json);
        assertTrue(json.contains("\"mode\": \"0440\""), json);
        assertTrue(json.contains(at(10, """
                          "tmpfs": {
                            "size": "67108864",
                            "mode": 1023
                          }""")), json);
        String yaml = ConfigRenderer.toYaml(p);
        assertTrue(yaml.contains("    cpus: 0.1\n"), yaml);
        assertTrue(yaml.contains("    mem_limit: \"1073741824\"\n"), yaml);
        assertTrue(yaml.contains("        mode: \"0440\"\n"), yaml);
    }

    @Test
    void kernelControlsPrintInComposeOrder() {
        String yaml = ConfigRenderer.toYaml(project("""
                services:
                  a:
                    uts: host
                    storage_opt: {size: 1G}
                    mem_swappiness: 10
                    device_cgroup_rules: ["c 1:3 mr"]
                    cpu_quota: 50000
                    cpu_period: 100000
                    cgroup: private
                    blkio_config:
                      device_read_bps: [{path: /dev/sda, rate: 1mb}]
                      weight: 300
                """));
        assertTrue(yaml.contains("""
                    blkio_config:
                      weight: 300
                      device_read_bps:
                        - path: /dev/sda
                          rate: "1048576"
                    cgroup: private
                    cpu_period: 100000
                    cpu_quota: 50000
                """), yaml);
        assertTrue(yaml.contains("    device_cgroup_rules:\n      - c 1:3 mr\n"), yaml);
        assertTrue(yaml.contains("    mem_swappiness: \"10\"\n"), yaml);
        assertTrue(yaml.contains("    storage_opt:\n      size: 1G\n"), yaml);
        assertTrue(yaml.contains("    uts: host\n"), yaml);
    }

    @Test
    void gpusAndReservedDevicesPrintAsDeviceRequests() {
        String yaml = ConfigRenderer.toYaml(project("""
                services:
                  a:
                    gpus: all
                    deploy: {resources: {reservations: {devices: [{capabilities: [gpu], driver: nvidia, device_ids: ["0"]}]}}}
                """));
        assertTrue(yaml.contains("    gpus:\n      - count: -1\n"), yaml);
        assertTrue(yaml.contains("""
                        reservations:
                          devices:
                            - capabilities:
                                - gpu
                              driver: nvidia
                              device_ids:
                                - "0"
                """), yaml);
    }

    @Test
    void extraHostsAreSorted() {
        String yaml = ConfigRenderer.toYaml(project("""
                services:
                  a:
                    extra_hosts: [zeta=10.0.0.2, alpha=10.0.0.1]
                """));
        assertTrue(yaml.contains("    extra_hosts:\n      - alpha=10.0.0.1\n      - zeta=10.0.0.2\n"), yaml);
    }

    @Test
    void jsonEscapesLikeGo() {
        String json = ConfigRenderer.toJson(project("""
                services:
                  a:
                    environment:
                      HTML: "<a href='x'>&</a>"
                      CTRL: "tab\\there\\u0001"
                """));
        assertTrue(json.contains("\"HTML\": \"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\""), json);
        assertTrue(json.contains("\"CTRL\": \"tab\\there\\u0001\""), json);
    }

    @Test
    void yamlQuotesOnlyWhenNeeded() {
        String yaml = ConfigRenderer.toYaml(project("""
                services:
                  a:
                    labels:
                      number: "8080"
                      old-bool: "yes"
                      empty: ""
                      date: "2024-01-02"
                      clock: "1:20"
                      image: nginx:1.25
                      words: a b c
                      star: "*star"
                      multi: "line1\\nline2\\n"
                """));
        assertTrue(yaml.contains("      number: \"8080\"\n"), yaml);
        assertTrue(yaml.contains("      old-bool: \"yes\"\n"), yaml);
        assertTrue(yaml.contains("      empty: \"\"\n"), yaml);
        assertTrue(yaml.contains("      date: \"2024-01-02\"\n"), yaml);
        assertTrue(yaml.contains("      clock: \"1:20\"\n"), yaml);
        assertTrue(yaml.contains("      image: nginx:1.25\n"), yaml);
        assertTrue(yaml.contains("      words: a b c\n"), yaml);
        assertTrue(yaml.contains("      star: '*star'\n"), yaml);
        assertTrue(yaml.contains("      multi: |\n        line1\n        line2\n"), yaml);
    }

    @Test
    void hooksPrintTheirCommand() {
        String json = ConfigRenderer.toJson(project("""
                services:
                  a:
                    post_start:
                      - {command: [echo, hi], user: root}
                """));
        assertTrue(json.contains(at(6, """
                      "post_start": [
                        {
                          "command": [
                            "echo",
                            "hi"
                          ],
                          "user": "root"
                        }
                      ]""")), json);
    }
}
