package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.auth.Credentials;
import io.github.dockerstack.auth.ServerCredentials;
import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.ImagePullException;
import io.github.dockerstack.engine.RegistryAuth;
import io.github.dockerstack.engine.fake.FakeEngine;
import io.github.dockerstack.engine.fake.FakeImages;
import io.github.dockerstack.error.StackException;
import io.github.dockerstack.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds, pulls and the images of {@code up}, against images in memory. */
class ImageTasksTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String DOCKERFILE = "FROM busybox:latest\nRUN false\nCMD [\"true\"]\n";

    @TempDir
    Path dir;

    private final FakeImages images = new FakeImages();
    private final List<StackEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> imageTimes = new HashMap<>();
    private Credentials credentials = Credentials.none();

    private ImageTasks tasks() {
        return new ImageTasks(events::add, images.engine(new FakeEngine()), () -> images, () -> credentials, Clock.fixed(NOW, ZoneOffset.UTC),
                (ImageInfo info) -> Optional.ofNullable(imageTimes.get(info.repoTags().get(0))));
    }

    private Project project(String yaml) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
        return TestProjects.load(dir, "shop", yaml);
    }

    private BuildResult build(Project p, boolean force, boolean noCache, int parallelism) {
        return tasks().build(p, new ImageTasks.BuildOptions(force, noCache, parallelism));
    }

    private void up(Project p, String build, String pull) {
        tasks().ensureForUp(p, new UpImageOptions(build, pull, 0, Map.of()));
    }

    private List<String> messages(String service) {
        return events.stream().filter(e -> service.equals(e.service())).map(StackEvent::message).toList();
    }

    // ---------------------------------------------------------------- build

    @Test
    void anImageSharedByServicesIsBuiltOnceByTheServiceThatHasBuild() throws IOException {
        Project p = project("""
                services:
                  web: {image: "shop/app:1", build: .}
                  worker: {image: "shop/app:1"}
                """);
        BuildResult r = build(p, false, false, 0);
        assertEquals(List.of("shop/app:1"), images.built());
        assertEquals(List.of("web"), List.copyOf(r.images().keySet()));
        assertEquals(List.of("web", "worker"), r.images().get("web").services());
    }

    @Test
    void twoServicesWithTheSameImageAndBuildBuildItOnce() throws IOException {
        Project p = project("""
                services:
                  a: {image: "shop/app:1", build: .}
                  b: {image: "shop/app:1", build: .}
                """);
        build(p, false, false, 0);
        assertEquals(List.of("shop/app:1"), images.built());
        assertTrue(events.stream().noneMatch(e -> e.level() == StackEvent.Level.WARN), events.toString());
    }

    @Test
    void aServiceWithoutImageBuildsProjectDashService() throws IOException {
        build(project("services:\n  api: {build: .}\n"), false, false, 0);
        assertEquals(List.of("shop-api"), images.built());
    }

    @Test
    void buildsRunInParallelUpToTheBound() throws IOException {
        Project p = project("""
                services:
                  a: {build: .}
                  b: {build: .}
                  c: {build: .}
                  d: {build: .}
                  e: {build: .}
                """);
        images.workMillis(150);
        build(p, false, false, 2);
        assertEquals(5, images.built().size());
        assertEquals(2, images.maxConcurrentBuilds());
    }

    @Test
    void theDefaultBoundIsTwo() throws IOException {
        images.workMillis(150);
        build(project("services:\n  a: {build: .}\n  b: {build: .}\n  c: {build: .}\n"), false, false, 0);
        assertEquals(2, images.maxConcurrentBuilds());
    }

    @Test
    void anImageBuiltFromAnotherServicesImageWaitsForIt() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM shop/base:1\nCMD [\"true\"]\n");
        Project p = project("""
                services:
                  app: {image: "shop/app:1", build: ./app}
                  base: {image: "shop/base:1", build: .}
                """);
        images.workMillis(100);
        build(p, false, false, 2);
        assertEquals(List.of("shop/base:1", "shop/app:1"), images.built());
    }

    @Test
    void anUnchangedImageIsSkippedWithItsId() throws IOException {
        Project p = project("services:\n  web: {image: \"shop/web:1\", build: .}\n");
        BuiltImage first = build(p, false, false, 0).images().get("web");
        events.clear();
        BuiltImage second = build(p, false, false, 0).images().get("web");
        assertFalse(first.skipped());
        assertTrue(second.skipped());
        assertEquals(first.imageId(), second.imageId());
        assertEquals(1, images.builds().size());
        String id12 = first.imageId().substring(7, 19);
        assertTrue(messages("web").stream().anyMatch(m -> m.contains("up to date") && m.contains(id12)), messages("web").toString());
    }

    @Test
    void aChangedContextIsRebuilt() throws IOException {
        Project p = project("services:\n  web: {build: .}\n");
        build(p, false, false, 0);
        Files.writeString(dir.resolve("index.html"), "changed");
        assertFalse(build(p, false, false, 0).images().get("web").skipped());
        assertEquals(2, images.builds().size());
    }

    @Test
    void forceAndNoCacheBuildAnUnchangedImage() throws IOException {
        Project p = project("services:\n  web: {build: .}\n");
        build(p, false, false, 0);
        assertFalse(build(p, true, false, 0).images().get("web").skipped());
        assertFalse(build(p, false, true, 0).images().get("web").skipped());
        assertEquals(3, images.builds().size());
        assertTrue(images.builds().get(2).noCache());
        assertFalse(images.builds().get(1).noCache());
    }

    @Test
    void aServiceWithNoCacheBuildsEveryTimeWithoutTheLayerCache() throws IOException {
        Project p = project("services:\n  web: {build: {context: ., no_cache: true}}\n");
        assertFalse(build(p, false, false, 0).images().get("web").skipped());
        assertFalse(build(p, false, false, 0).images().get("web").skipped(), "no_cache: as compose, every build runs every step");
        assertEquals(2, images.builds().size());
        assertTrue(images.builds().get(0).noCache() && images.builds().get(1).noCache());
    }

    @Test
    void buildOutputIsStreamedWithTheServiceName() throws IOException {
        build(project("services:\n  web: {build: .}\n"), false, false, 0);
        assertTrue(messages("web").contains("web | Step 1/2 : FROM busybox:latest"), messages("web").toString());
        assertTrue(messages("web").stream().anyMatch(m -> m.startsWith("Built image shop-web (sha256:")), messages("web").toString());
    }

    @Test
    void aFailedBuildNamesTheServiceTheDockerfileLineAndTheEngineMessage() throws IOException {
        Project p = project("services:\n  web: {build: .}\n");
        images.failBuild("shop-web", "The command '/bin/sh -c false' returned a non-zero code: 1");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> build(p, false, false, 0));
        assertEquals("web", e.service());
        assertEquals(StackException.Kind.USER, e.kind());
        assertTrue(e.getCause() instanceof ImageBuildException);
        String expectedStart = "Service 'web': Building image shop-web failed at " + dir.resolve("Dockerfile") + ":2 (Step 2/2 : RUN false):"
                + " The command '/bin/sh -c false' returned a non-zero code: 1";
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void buildKitOnlyDockerfilesFailBeforeAnyBuildStarts() throws IOException {
        Files.createDirectories(dir.resolve("kit"));
        Files.writeString(dir.resolve("kit/Dockerfile"), "FROM busybox:latest\nRUN --mount=type=cache,target=/c true\n");
        Project p = project("""
                services:
                  good: {build: .}
                  kit: {build: ./kit}
                """);
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> build(p, false, false, 2));
        assertEquals(List.of(), images.builds());
        assertTrue(e.getMessage().contains("service kit: " + dir.resolve("kit/Dockerfile") + ":2: RUN --mount needs BuildKit"), e.getMessage());
    }

    @Test
    void aProjectWithoutBuildSectionsBuildsNothing() throws IOException {
        BuildResult r = build(project("services:\n  web: {image: busybox:latest}\n"), false, false, 0);
        assertEquals(Map.of(), r.images());
        assertEquals(List.of(), images.builds());
    }

    // ---------------------------------------------------------------- up: pull policies

    @Test
    void missingIsTheDefaultPolicy() throws IOException {
        images.remote("redis:7", "sha256:aaa").local("nginx:1");
        up(project("services:\n  cache: {image: \"redis:7\"}\n  web: {image: \"nginx:1\"}\n"), null, null);
        assertEquals(List.of("redis:7"), images.pulls());
    }

    @Test
    void alwaysPullsAPresentImage() throws IOException {
        images.local("nginx:1").remote("nginx:1", "sha256:bbb");
        up(project("services:\n  web: {image: \"nginx:1\", pull_policy: always}\n"), null, null);
        assertEquals(List.of("nginx:1"), images.pulls());
        assertTrue(messages("web").contains("Pulling nginx:1 for service web"), messages("web").toString());
        assertTrue(messages("web").stream().anyMatch(m -> m.startsWith("Pulled nginx:1 (newer image downloaded) sha256:bbb in ")),
                messages("web").toString());
    }

    @Test
    void neverUsesAPresentImageAndFailsClearlyOnAMissingOne() throws IOException {
        images.local("nginx:1");
        up(project("services:\n  web: {image: \"nginx:1\", pull_policy: never}\n"), null, null);
        assertEquals(List.of(), images.pulls());

        Project missing = project("services:\n  db: {image: \"postgres:16\", pull_policy: never}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> up(missing, null, null));
        assertEquals("Image postgres:16 of service 'db' is missing, and pull_policy: never forbids pulling it: pull or load it into the"
                + " engine first (docker pull postgres:16), or use a policy that pulls (missing).", e.getMessage());
        assertEquals("db", e.service());
        assertEquals(List.of(), images.pulls());
    }

    @Test
    void buildPolicyBuildsEvenWhenTheImageIsPresent() throws IOException {
        images.local("shop/app:1");
        up(project("services:\n  web: {image: \"shop/app:1\", build: ., pull_policy: build}\n"), null, null);
        assertEquals(List.of("shop/app:1"), images.built());
        assertEquals(List.of(), images.pulls());
    }

    @Test
    void buildPolicyWithoutABuildSectionFailsOnAMissingImage() throws IOException {
        Project p = project("services:\n  web: {image: \"shop/app:1\", pull_policy: build}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> up(p, null, null));
        assertTrue(e.getMessage().startsWith("Image shop/app:1 of service 'web' is missing, and pull_policy: build asks for a build, but no"
                + " service builds shop/app:1"), e.getMessage());
    }

    @Test
    void everyHourPullsAnImageOlderThanAnHourOnly() throws IOException {
        images.local("nginx:1").local("redis:7").remote("nginx:1", "sha256:n").remote("redis:7", "sha256:r");
        imageTimes.put("nginx:1", NOW.minus(Duration.ofHours(2)));
        imageTimes.put("redis:7", NOW.minus(Duration.ofMinutes(30)));
        up(project("""
                services:
                  old: {image: "nginx:1", pull_policy: every_1h}
                  fresh: {image: "redis:7", pull_policy: every_1h}
                """), null, null);
        assertEquals(List.of("nginx:1"), images.pulls());
    }

    @Test
    void dailyAndWeeklyAreRefreshPolicies() throws IOException {
        images.local("nginx:1").local("redis:7").remote("nginx:1", "sha256:n").remote("redis:7", "sha256:r");
        imageTimes.put("nginx:1", NOW.minus(Duration.ofDays(2)));
        imageTimes.put("redis:7", NOW.minus(Duration.ofDays(2)));
        up(project("""
                services:
                  d: {image: "nginx:1", pull_policy: daily}
                  w: {image: "redis:7", pull_policy: weekly}
                """), null, null);
        assertEquals(List.of("nginx:1"), images.pulls());
    }

    @Test
    void refreshPoliciesCompareTheImageCreationTimeWithTheirPeriod() throws IOException {
        images.local("a:1").local("b:1").local("c:1").local("d:1").local("e:1");
        for (String r : List.of("a:1", "b:1", "c:1", "d:1", "e:1")) {
            images.remote(r, "sha256:" + r.charAt(0));
        }
        images.created("a:1", NOW.minus(Duration.ofHours(25))).created("b:1", NOW.minus(Duration.ofHours(23)))
                .created("c:1", NOW.minus(Duration.ofDays(8))).created("d:1", NOW.minus(Duration.ofDays(6)))
                .created("e:1", NOW.minus(Duration.ofMinutes(91)));
        new ImageTasks(events::add, images.engine(new FakeEngine()), () -> images, () -> credentials, Clock.fixed(NOW, ZoneOffset.UTC),
                ImageTasks::imageTime).ensureForUp(project("""
                services:
                  a: {image: "a:1", pull_policy: daily}
                  b: {image: "b:1", pull_policy: daily}
                  c: {image: "c:1", pull_policy: weekly}
                  d: {image: "d:1", pull_policy: weekly}
                  e: {image: "e:1", pull_policy: every_1h30m}
                """), new UpImageOptions(null, null, 0, Map.of()));
        assertEquals(List.of("a:1", "c:1", "e:1"), images.pulls().stream().sorted().toList());
    }

    @Test
    void anImageWithoutCreationTimeIsStale() {
        ImageInfo info = new ImageInfo("sha256:1", List.of("x:1"), Map.of(), "linux", "amd64", null);
        assertEquals(Optional.empty(), ImageTasks.imageTime(info));
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        assertEquals(Optional.of(t), ImageTasks.imageTime(new ImageInfo("sha256:1", List.of("x:1"), Map.of(), "linux", "amd64", t)));
    }

    @Test
    void aRefreshPolicyPullsWhenTheImageTimeIsUnknown() throws IOException {
        images.local("nginx:1").remote("nginx:1", "sha256:n");
        up(project("services:\n  web: {image: \"nginx:1\", pull_policy: every_1d12h}\n"), null, null);
        assertEquals(List.of("nginx:1"), images.pulls());
    }

    @Test
    void theOptionOverridesEveryServicesPolicy() throws IOException {
        images.local("nginx:1").remote("nginx:1", "sha256:n");
        up(project("services:\n  web: {image: \"nginx:1\", pull_policy: never}\n"), null, "always");
        assertEquals(List.of("nginx:1"), images.pulls());

        Project missing = project("services:\n  db: {image: \"postgres:16\"}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> up(missing, null, "never"));
        assertTrue(e.getMessage().contains("docker-stack.pull=never forbids pulling it"), e.getMessage());
    }

    @Test
    void aWrongOptionOrDurationIsAUserError() throws IOException {
        Project p = project("services:\n  web: {image: \"nginx:1\"}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> up(p, null, "sometimes"));
        assertTrue(e.getMessage().startsWith("docker-stack.pull is 'sometimes'; use always, missing, never"), e.getMessage());
        ImageTaskException b = assertThrows(ImageTaskException.class, () -> up(p, "often", null));
        assertEquals("docker-stack.build is 'often'; use always, missing or never.", b.getMessage());
    }

    @Test
    void anUnknownPolicyWordMeansMissingWithAWarning() throws IOException {
        images.local("nginx:1");
        up(project("services:\n  web: {image: \"nginx:1\", pull_policy: refresh}\n"), null, null);
        assertEquals(List.of(), images.pulls());
        assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && e.message().contains("'refresh' is not a pull policy")));
    }

    @Test
    void sharedImagesArePulledOnce() throws IOException {
        images.remote("redis:7", "sha256:r");
        up(project("services:\n  a: {image: \"redis:7\"}\n  b: {image: \"redis:7\"}\n"), null, null);
        assertEquals(List.of("redis:7"), images.pulls());
        assertTrue(messages("a").contains("Pulling redis:7 (run by services a, b)"), messages("a").toString());
    }

    // ---------------------------------------------------------------- up: builds

    @Test
    void upBuildsMissingImagesAndNeverPullsThem() throws IOException {
        images.local("shop/app:1");
        up(project("""
                services:
                  present: {image: "shop/app:1", build: .}
                  missing: {image: "shop/new:1", build: .}
                  user: {image: "shop/new:1"}
                """), null, null);
        assertEquals(List.of("shop/new:1"), images.built());
        assertEquals(List.of(), images.pulls());
    }

    @Test
    void buildAlwaysBuildsPresentImagesThroughTheUnchangedCheck() throws IOException {
        Project p = project("services:\n  web: {image: \"shop/app:1\", build: .}\n");
        images.local("shop/app:1");
        up(p, "always", null);
        up(p, "always", null);
        assertEquals(List.of("shop/app:1"), images.built());
        assertTrue(messages("web").stream().anyMatch(m -> m.contains("is up to date")));
    }

    @Test
    void buildNeverFailsOnAMissingBuildableImage() throws IOException {
        Project p = project("services:\n  web: {image: \"shop/app:1\", build: .}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> up(p, "never", null));
        assertEquals("Image shop/app:1 of service 'web' is missing, and docker-stack.build=never forbids building it: run docker-stack:build"
                + " first, or let up build it (docker-stack.build=missing).", e.getMessage());
        assertEquals(List.of(), images.builds());
    }

    @Test
    void aServiceSelectedWithoutItsBuilderStillGetsTheImageBuilt() throws IOException {
        Project p = project("""
                services:
                  builder: {image: "shop/app:1", build: ., profiles: [tools]}
                  web: {image: "shop/app:1"}
                """);
        up(p, null, null);
        assertEquals(List.of("shop/app:1"), images.built());
    }

    // ---------------------------------------------------------------- pull goal

    private PullResult pull(Project p, String policy) {
        return tasks().pull(p, new ImageTasks.PullOptions(policy));
    }

    @Test
    void pullWithoutPolicyPullsPresentImagesAndSkipsBuiltOnes() throws IOException {
        images.local("nginx:1").remote("nginx:1", "sha256:n");
        PullResult r = pull(project("services:\n  web: {image: \"nginx:1\"}\n  api: {build: .}\n"), null);
        assertEquals(List.of("nginx:1"), images.pulls());
        assertEquals("sha256:n", r.images().get("web").digest());
        assertTrue(r.skipped().containsKey("api"));
    }

    @Test
    void pullWithMissingSkipsPresentTagsButNotLatest() throws IOException {
        images.local("nginx:1").local("redis:latest").remote("redis:latest", "sha256:r");
        PullResult r = pull(project("""
                services:
                  web: {image: "nginx:1", pull_policy: missing}
                  cache: {image: redis, pull_policy: missing}
                """), null);
        assertEquals(List.of("redis:latest"), images.pulls());
        assertEquals("the image is present (pull policy missing)", r.skipped().get("web"));
    }

    @Test
    void pullGoalIgnoresNeverAndBuildButAlwaysRefreshes() throws IOException {
        images.local("a:1").local("b:1").local("c:1").remote("c:1", "sha256:c");
        imageTimes.put("c:1", NOW);
        pull(project("""
                services:
                  a: {image: "a:1", pull_policy: never}
                  b: {image: "b:1", pull_policy: build, build: .}
                  c: {image: "c:1", pull_policy: daily}
                """), null);
        assertEquals(List.of("c:1"), images.pulls());
    }

    @Test
    void pullsRunInParallelUpToFour() throws IOException {
        StringBuilder yaml = new StringBuilder("services:\n");
        for (int i = 1; i <= 6; i++) {
            images.remote("img" + i + ":1", "sha256:" + i);
            yaml.append("  s").append(i).append(": {image: \"img").append(i).append(":1\"}\n");
        }
        images.workMillis(150);
        PullResult r = pull(project(yaml.toString()), null);
        assertEquals(6, r.images().size());
        assertEquals(4, images.maxConcurrentPulls());
    }

    @Test
    void aFailedPullNamesTheServiceTheImageAndTheRegistrysReason() throws IOException {
        images.failPull("registry.example.com/team/app:2", "unauthorized: authentication required");
        Project p = project("services:\n  web: {image: \"registry.example.com/team/app:2\"}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> pull(p, null));
        assertTrue(e.getMessage().startsWith("Service 'web': Pulling registry.example.com/team/app:2 failed: unauthorized: authentication"
                + " required. Give credentials for registry.example.com"), e.getMessage());
        assertTrue(e.getCause() instanceof ImagePullException);
        assertEquals(StackException.Kind.USER, e.kind());
    }

    @Test
    void severalFailedPullsAreReportedTogether() throws IOException {
        Project p = project("services:\n  a: {image: \"gone:1\"}\n  b: {image: \"lost:2\"}\n");
        ImageTaskException e = assertThrows(ImageTaskException.class, () -> pull(p, null));
        assertTrue(e.getMessage().startsWith("2 pulls failed:\n  - Service 'a': Pulling gone:1 failed: manifest for gone:1 not found"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  - Service 'b': Pulling lost:2 failed"), e.getMessage());
    }

    @Test
    void aFailedPullOfABuildableImageIsAWarning() throws IOException {
        PullResult r = pull(project("services:\n  web: {image: \"shop/app:1\", build: .}\n"), null);
        assertEquals(List.of("web"), r.mustBuild());
        assertTrue(events.stream().anyMatch(e -> e.level() == StackEvent.Level.WARN && e.message().contains("run docker-stack:build")));
    }

    @Test
    void mavenServerCredentialsReachThePullAndNeverTheLog() throws IOException {
        credentials = new Credentials(null, Map.of("registry.example.com:5000", new ServerCredentials("ci", "s3cret-pw")), List.of());
        images.remote("registry.example.com:5000/team/app:1", "sha256:x").remote("busybox:1", "sha256:b");
        pull(project("services:\n  web: {image: \"registry.example.com:5000/team/app:1\"}\n  box: {image: \"busybox:1\"}\n"), null);
        RegistryAuth auth = images.pullAuths().get("registry.example.com:5000/team/app:1");
        assertNotNull(auth);
        assertEquals("ci", auth.username());
        assertEquals("s3cret-pw", auth.password());
        assertNull(images.pullAuths().get("busybox:1"));
        assertTrue(events.stream().anyMatch(e -> e.message().contains("Maven settings server 'registry.example.com:5000'")));
        assertTrue(events.stream().noneMatch(e -> e.message().contains("s3cret-pw")));
    }

    @Test
    void layerProgressStaysOutOfTheInfoLog() throws IOException {
        images.remote("redis:7", "sha256:r");
        pull(project("services:\n  cache: {image: \"redis:7\"}\n"), null);
        List<String> info = events.stream().filter(e -> e.level() == StackEvent.Level.INFO).map(StackEvent::message).toList();
        assertEquals(2, info.size(), info.toString());
        assertTrue(events.stream().noneMatch(e -> e.message().contains("Downloading")));
    }

    // ---------------------------------------------------------------- policy words

    @Test
    void pullPolicyWordsAreReadAsComposeGoReadsThem() {
        assertEquals(PullPolicy.Kind.MISSING, PullPolicy.parse("if_not_present").kind());
        assertEquals(Duration.ofHours(36), PullPolicy.parse("every_1d12h").interval());
        assertEquals(Duration.ofMinutes(90), PullPolicy.parse("every_1.5h").interval());
        assertEquals(Duration.ofDays(14), PullPolicy.parse("every_2w").interval());
        assertThrows(IllegalArgumentException.class, () -> PullPolicy.parse("every_soon"));
        assertThrows(IllegalArgumentException.class, () -> PullPolicy.parse("every_"));
        assertFalse(PullPolicy.parse("refresh").known());
    }
}
