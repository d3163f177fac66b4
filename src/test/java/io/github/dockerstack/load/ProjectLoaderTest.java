package io.github.dockerstack.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' situations, resolved end to end from real files. */
class ProjectLoaderTest {
    static final Path PROJECTS = Path.of("src/test/resources/projects").toAbsolutePath();

    private final List<String> warnings = new ArrayList<>();

    private Project load(LoadRequest request) {
        return new ProjectLoader(warnings::add).load(request);
    }

    private static List<String> published(Service s) {
        return s.ports().stream().map(p -> p.published() + ":" + p.target()).toList();
    }

    @Test
    void offProjectFromDotEnv() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("off-pro")));
        assertEquals("po_off", p.name());
        assertEquals(List.of("off"), p.profiles());
        assertEquals(Set.of("backend", "frontend", "minion", "mongodb", "postgres"), p.serviceNames());
        assertEquals("minion_db", p.networks().get("minion_db").name());
        assertEquals("po_off_default", p.networks().get("default").name());
        assertEquals("po_orgs", p.volumes().get("orgs").name());
        assertEquals(List.of("backend-po_off"), p.service("backend").networks().get("minion_db").aliases());
        assertEquals("openfoodfacts.org", p.service("minion").environment().get("MINION_QUEUE"));
        assertEquals(List.of("minion", "--queue", "openfoodfacts.org"), p.service("minion").command());
    }

    @Test
    void proOverlayReplacesDotEnvAndLeavesPostgresOut() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("off-pro")).withEnvFiles(List.of(Path.of(".env-pro"))));
        assertEquals("po_pro", p.name());
        assertEquals(Set.of("backend", "frontend", "minion", "mongodb"), p.serviceNames());
        assertTrue(p.disabledServices().containsKey("postgres"));
        DependsOn optional = p.service("backend").dependsOn().get("postgres");
        assertFalse(optional.required(), "an optional dependency on a disabled service stays in the model");
        assertEquals("1", p.service("backend").build().args().get("PRODUCERS_PLATFORM"));
        assertEquals("pro.openfoodfacts.org", p.service("backend").environment().get("MINION_QUEUE"));
        assertEquals(List.of("backend-po_pro"), p.service("backend").networks().get("minion_db").aliases());
        assertEquals("minion_db", p.networks().get("minion_db").name(), "the fixed name is shared by both projects");
        assertEquals("po_podata", p.volumes().get("podata").name());
    }

    @Test
    void processEnvironmentBeatsEnvFilesAndThePomBeatsBoth() {
        LoadRequest base = LoadRequest.of(PROJECTS.resolve("off-pro")).withProcessEnvironment(Map.of("MINION_QUEUE", "from-shell"));
        assertEquals("from-shell", load(base).service("minion").environment().get("MINION_QUEUE"));
        Project pom = load(base.withEnvironment(Map.of("MINION_QUEUE", "from-pom")));
        assertEquals("from-pom", pom.service("minion").environment().get("MINION_QUEUE"));
    }

    @Test
    void projectNamePrecedence() {
        LoadRequest r = LoadRequest.of(PROJECTS.resolve("shared-image"));
        assertEquals("shared-image", load(r).name(), "top-level name:");
        assertEquals("from-env", load(r.withProcessEnvironment(Map.of("COMPOSE_PROJECT_NAME", "from-env"))).name());
        assertEquals("from-param", load(r.withProjectName("from-param").withProcessEnvironment(Map.of("COMPOSE_PROJECT_NAME", "x"))).name());
        ComposeException e = assertThrows(ComposeException.class, () -> load(r.withProjectName("Bad Name")));
        assertTrue(e.getMessage().contains("invalid project name 'Bad Name'"), e.getMessage());
    }

    @Test
    void directoryNameIsNormalised(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("My.App_Dir"));
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: busybox\n");
        assertEquals("myapp_dir", load(LoadRequest.of(dir)).name());
    }

    @Test
    void developmentOverrideIsLoadedByDefault() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("citizen")));
        assertEquals(List.of("null:5432"), published(p.service("db")));
        assertEquals(List.of("npm", "run", "dev"), p.service("frontend").command());
        Mount src = p.service("backend").volumes().get(0);
        assertEquals("bind", src.type());
        assertEquals(PROJECTS.resolve("citizen/backend/src").toString(), src.source());
        assertTrue(src.readOnly());
        assertEquals("development", p.service("backend").environment().get("NODE_ENV"));
        assertEquals(2, p.configFiles().size());
    }

    @Test
    void prodFilesGivenExplicitlySkipTheOverride() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("citizen"))
                .withFiles(List.of(Path.of("docker-compose.yml"), Path.of("docker-compose.prod.yml"))));
        assertTrue(p.service("db").ports().isEmpty());
        assertEquals(List.of("80:80"), published(p.service("proxy")), "!override replaces the base file's ports");
        assertEquals("always", p.service("backend").restart());
        assertEquals("production", p.service("backend").environment().get("NODE_ENV"));
        assertEquals("run", p.service("frontend").build().target());
        assertEquals(PROJECTS.resolve("citizen/frontend").toString(), p.service("frontend").build().context());
    }

    @Test
    void composeFileVariableSelectsFiles() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("citizen"))
                .withProcessEnvironment(Map.of("COMPOSE_FILE", "docker-compose.yml:docker-compose.prod.yml", "COMPOSE_PATH_SEPARATOR", ":")));
        assertEquals("always", p.service("backend").restart());
    }

    @Test
    void initServiceAndEnvFilesOfGeonode() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("geonode")));
        Service django = p.service("django");
        assertEquals(DependsOn.COMPLETED, django.dependsOn().get("data-dir-conf").condition());
        assertEquals(DependsOn.HEALTHY, django.dependsOn().get("db").condition());
        assertEquals("postgis://postgres:postgres@db:5432/geonode", django.environment().get("DATABASE_URL"));
        assertEquals("geonode_django:4.2", django.image());
        assertEquals(List.of("CMD-SHELL", "pg_isready -d postgres -U postgres"), p.service("db").healthcheck().test());
        assertEquals(Duration.ofSeconds(90), p.service("geonode").stopGracePeriod());
        assertEquals(256L * 1024 * 1024, p.service("geonode").shmSize());
        assertEquals(List.of("80:80", "443:443"), published(p.service("geonode")));
        assertEquals("geonode_statics", p.volumes().get("statics").name());
    }

    @Test
    void servicesSharingOneBuiltImage() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("shared-image")));
        assertEquals("app/shared:1.0", p.service("web").image());
        assertEquals("app/shared:1.0", p.service("worker").image());
        assertNull(p.service("worker").build());
        assertEquals(PROJECTS.resolve("shared-image").toString(), p.service("web").build().context());
        assertEquals(List.of("serve", "--port", "8000"), p.service("web").command());
    }

    @Test
    void targetedServicesBringTheirDependencies() {
        Project p = load(LoadRequest.of(PROJECTS.resolve("shared-image")).withServices(List.of("worker")));
        assertEquals(Set.of("web", "worker"), p.serviceNames());
        Project web = load(LoadRequest.of(PROJECTS.resolve("shared-image")).withServices(List.of("web")));
        assertEquals(Set.of("web"), web.serviceNames());
        assertTrue(web.disabledServices().containsKey("worker"));
    }

    @Test
    void requiredDependencyOnDisabledServiceIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: busybox
                    depends_on: [db]
                  db:
                    image: busybox
                    profiles: [debug]
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> load(LoadRequest.of(dir)));
        assertTrue(e.getMessage().contains("'app' depends on 'db'"), e.getMessage());
        assertEquals(Set.of("app", "db"), load(LoadRequest.of(dir).withProfiles(List.of("*"))).serviceNames());
    }

    @Test
    void targetingAServiceEnablesItsProfiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  tool:\n    image: busybox\n    profiles: [tools]\n  app:\n    image: busybox\n");
        assertEquals(Set.of("tool"), load(LoadRequest.of(dir).withServices(List.of("tool"))).serviceNames());
        assertEquals(Set.of("app"), load(LoadRequest.of(dir)).serviceNames());
    }

    @Test
    void missingRequiredVariableNamesFileLineAndMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  db:\n    image: postgres\n    environment:\n      PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n");
        ComposeException e = assertThrows(ComposeException.class, () -> load(LoadRequest.of(dir)));
        assertEquals(5, e.location().line());
        assertTrue(e.getMessage().contains("set DB_PASSWORD"), e.getMessage());
    }

    @Test
    void unsetVariableWarnsAndBecomesEmpty(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: busybox:${TAG}\n");
        assertEquals("busybox:", load(LoadRequest.of(dir)).service("a").image());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("TAG")), warnings.toString());
    }

    @Test
    void extendsAndIncludeResolveAgainstTheirOwnFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("common/conf"));
        Files.writeString(dir.resolve("common/base.yaml"), """
                services:
                  base:
                    image: busybox
                    environment:
                      FROM_BASE: "1"
                    volumes:
                      - ./conf:/conf
                """);
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/compose.yaml"), """
                services:
                  cache:
                    image: redis:${REDIS_TAG}
                    volumes:
                      - ./data:/data
                """);
        Files.writeString(dir.resolve("lib/.env"), "REDIS_TAG=7\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                include:
                  - lib/compose.yaml
                services:
                  app:
                    extends:
                      file: common/base.yaml
                      service: base
                    environment:
                      OWN: "2"
                """);
        Project p = load(LoadRequest.of(dir));
        Service app = p.service("app");
        assertEquals("busybox", app.image());
        assertEquals(Map.of("FROM_BASE", "1", "OWN", "2"), app.environment());
        assertEquals(dir.resolve("common/conf").toString(), app.volumes().get(0).source());
        assertEquals("redis:7", p.service("cache").image());
        assertEquals(dir.resolve("lib/data").toString(), p.service("cache").volumes().get(0).source());
    }

    @Test
    void noComposeFileSaysWhatToDo(@TempDir Path dir) {
        ComposeException e = assertThrows(ComposeException.class, () -> load(LoadRequest.of(dir)));
        assertTrue(e.getMessage().contains("no compose file"), e.getMessage());
    }

    @Test
    void defaultNetworkOnlyWhenUsed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: busybox\n    network_mode: host\n");
        assertFalse(load(LoadRequest.of(dir)).networks().containsKey("default"));
    }

    @Test
    void linksVolumesFromAndServiceNamespacesAreDependencies(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: busybox
                    links: ["db:database"]
                    volumes_from: ["data:ro", "container:other"]
                  sidecar:
                    image: busybox
                    network_mode: service:app
                  db:
                    image: busybox
                  data:
                    image: busybox
                """);
        Project p = load(LoadRequest.of(dir));
        assertEquals(Set.of("db", "data"), p.service("app").dependsOn().keySet());
        assertEquals(DependsOn.STARTED, p.service("sidecar").dependsOn().get("app").condition());
    }

    @Test
    void aRawEnvFileIsTakenAsWrittenAndADotenvOneIsInterpolated(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("raw.env"), "PASSWORD=pa$$word ${HOME}\nQUOTED='single'\n");
        Files.writeString(dir.resolve("dot.env"), "GREETING=hello ${WHO}\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: busybox
                    env_file:
                      - {path: raw.env, format: raw}
                      - {path: dot.env, format: dotenv}
                """);
        Service app = load(LoadRequest.of(dir).withProcessEnvironment(Map.of("WHO", "world", "HOME", "/root"))).service("app");
        assertEquals(Map.of("PASSWORD", "pa$$word ${HOME}", "QUOTED", "single", "GREETING", "hello world"), app.environment());
    }

    @Test
    void anUnknownEnvFileFormatIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.env"), "A=1\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: busybox
                    env_file:
                      - path: app.env
                        format: json
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> load(LoadRequest.of(dir)));
        assertEquals(6, e.location().line(), e.getMessage());
        assertTrue(e.getMessage().contains("unsupported env_file format 'json'; use dotenv (the default) or raw"), e.getMessage());
    }

    @Test
    void labelFilesOfEveryComposeFileFoldIntoLabelsAndTheServiceLabelsWin(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ci"));
        Files.writeString(dir.resolve("base.labels"), "team=blue\ntier=${team}-backend\n");
        // as for every path in an override file, relative to the project directory
        Files.writeString(dir.resolve("ci.labels"), "team=green\npipeline=nightly\n");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: busybox
                    label_file: base.labels
                    labels: {pipeline: manual}
                """);
        Files.writeString(dir.resolve("ci/compose.ci.yaml"), """
                services:
                  app:
                    label_file: [ci.labels]
                """);
        Service app = load(LoadRequest.of(dir).withFiles(List.of(dir.resolve("compose.yaml"), dir.resolve("ci/compose.ci.yaml"))))
                .service("app");
        assertEquals(Map.of("team", "green", "tier", "blue-backend", "pipeline", "manual"), app.labels());
    }

    @Test
    void aMissingLabelFileSaysWhichServiceAndPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: busybox\n    label_file: gone.labels\n");
        ComposeException e = assertThrows(ComposeException.class, () -> load(LoadRequest.of(dir)));
        assertTrue(e.getMessage().contains("service 'app': label file " + dir.resolve("gone.labels") + " does not exist"), e.getMessage());
    }

    static Port port(Service s, int i) {
        return s.ports().get(i);
    }
}
