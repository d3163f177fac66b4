package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.auth.Credentials;
import io.github.dockerstack.build.BuildContext;
import io.github.dockerstack.engine.BuildSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.ImagePullException;
import io.github.dockerstack.engine.PullProgress;
import io.github.dockerstack.engine.PullResult;
import io.github.dockerstack.engine.RegistryAuth;
import io.github.dockerstack.error.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images against the real engine: classic builds (multi-stage, args, target, labels, failures)
 * and pulls from a registry started for the test. Fails, never skips, without an engine. Every
 * image and tag the test creates is removed afterwards, intermediate images of the builds too.
 */
class DockerJavaImagesTest {
    private static final String BUSYBOX = "busybox:latest";

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private DockerJavaEngine engine;
    private DockerJavaImages images;
    private BuiltImages made;
    private List<String> output;
    private Consumer<String> collect;

    @TempDir
    Path dir;
    @TempDir
    Path work;

    @BeforeEach
    void connect() {
        engine = RealEngine.connect(BUSYBOX);
        images = DockerJavaImages.of(engine);
        made = new BuiltImages(engine, images);
        output = made.output();
        collect = made.collector();
    }

    @AfterEach
    void removeWhatTheTestMade() {
        try {
            made.removeAll();
        } finally {
            engine.close();
        }
    }

    private String tag(String name) {
        return made.tag("docker-stack-test/" + name + ":" + suffix);
    }

    private BuildSpec.Builder context(String dockerfile, String... files) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        BuildContext context = BuildContext.scan(dir, null, null);
        Path tar = context.writeTar(work.resolve("context.tar"));
        return BuildSpec.builder(BuildSpec.ContextTar.file(tar)).dockerfile(context.dockerfile());
    }

    // ---------------------------------------------------------------- build

    @Test
    void buildsTheTargetStageWithArgsAndLabels() throws IOException {
        String image = tag("multistage");
        BuildSpec spec = context("""
                ARG BASE=busybox:latest
                FROM ${BASE} AS base
                ARG GREETING=hello
                RUN echo "$GREETING" > /greeting

                FROM base AS app
                ARG GREETING
                LABEL greeting=$GREETING stage=app
                COPY app.txt /app.txt

                FROM app AS broken
                RUN false
                """, "app.txt", "payload").arg("GREETING", "bonjour").target("app").label("io.github.dockerstack.test", "yes").tag(image)
                .build();
        String id = images.build(spec, collect);
        assertTrue(id.matches("sha256:[0-9a-f]{64}"), id);
        ImageInfo info = engine.inspectImage(image).orElseThrow();
        assertEquals(id, info.id());
        assertEquals("bonjour", info.labels().get("greeting"), "the build arg reached the stage");
        assertEquals("app", info.labels().get("stage"), "the target stage was built, not the last one");
        assertEquals("yes", info.labels().get("io.github.dockerstack.test"));
        assertTrue(output.stream().anyMatch(l -> l.startsWith("Step 1/")), output.toString());
        assertFalse(output.stream().anyMatch(l -> l.contains("RUN false")), "stages after the target are not built");
    }

    @Test
    void aSecondTagAndRemoval() throws IOException {
        String image = tag("tagged");
        String second = tag("second");
        String id = images.build(context("FROM busybox:latest\nLABEL a=b\n").tag(image).build(), collect);
        images.tag(image, second);
        assertEquals(id, engine.inspectImage(second).orElseThrow().id());
        images.remove(second, false);
        assertTrue(engine.inspectImage(second).isEmpty());
        assertTrue(engine.inspectImage(image).isPresent(), "removing one name keeps the other");
        assertThrows(EngineException.NotFound.class, () -> images.remove(second, false));
    }

    @Test
    void aFailingRunStepNamesTheStepAndTheExitCode() throws IOException {
        String image = tag("failing");
        BuildSpec spec = context("FROM busybox:latest\nRUN echo started\nRUN exit 3\nRUN echo never\n").tag(image).build();
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> images.build(spec, collect));
        assertEquals(StackException.Kind.USER, e.kind());
        assertEquals(3, e.stepNumber());
        assertEquals(4, e.stepCount());
        assertEquals("RUN exit 3", e.step());
        assertEquals(3, e.exitCode());
        assertTrue(e.engineMessage().contains("returned a non-zero code: 3"), e.engineMessage());
        assertTrue(e.getMessage().contains("(Step 3/4 : RUN exit 3): The command '/bin/sh -c exit 3' returned a non-zero code: 3"),
                e.getMessage());
        assertTrue(e.outputTail().contains("started"), e.outputTail().toString());
        assertTrue(engine.inspectImage(image).isEmpty());
    }

    @Test
    void aDockerfileParseErrorNamesTheLine() throws IOException {
        BuildSpec spec = context("FROM busybox:latest\n\nFOO bar\n").tag(tag("parse")).build();
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> images.build(spec, collect));
        assertEquals(3, e.line());
        assertNull(e.stepNumber());
        assertTrue(e.engineMessage().contains("unknown instruction: FOO"), e.engineMessage());
    }

    @Test
    void anUnknownTargetIsAUserError() throws IOException {
        BuildSpec spec = context("FROM busybox:latest AS app\n").target("nope").tag(tag("target")).build();
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> images.build(spec, collect));
        assertTrue(e.engineMessage().contains("failed to reach build target nope"), e.engineMessage());
    }

    @Test
    void aMissingDockerfileIsAUserError() throws IOException {
        BuildSpec spec = context("FROM busybox:latest\n").dockerfile("Nope.Dockerfile").tag(tag("nofile")).build();
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> images.build(spec, collect));
        assertTrue(e.engineMessage().contains("Cannot locate specified Dockerfile: Nope.Dockerfile"), e.engineMessage());
    }

    @Test
    void aBuildKitFlagIsRefusedByTheClassicBuilder() throws IOException {
        BuildSpec spec = context("FROM busybox:latest\nRUN --mount=type=cache,target=/x true\n").tag(tag("mount")).build();
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> images.build(spec, collect));
        assertTrue(e.engineMessage().contains("the --mount option requires BuildKit"), e.engineMessage());
        assertEquals(2, e.stepNumber());
    }

    // ---------------------------------------------------------------- pull

    @Test
    void pullsFromARegistryWithoutAuthentication() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(null, null)) {
            String ref = registry.host() + "/dstest/busybox:" + suffix;
            push(ref, null);
            List<PullProgress> progress = new CopyOnWriteArrayList<>();
            PullResult result = images.pull(ref, null, progress::add);
            made.tag(ref);
            assertEquals(ref, result.reference());
            assertTrue(result.updated(), "the image was not there before");
            assertTrue(result.digest() != null && result.digest().startsWith("sha256:"), String.valueOf(result.digest()));
            assertFalse(progress.isEmpty());
            assertEquals(engine.inspectImage(BUSYBOX).orElseThrow().id(), engine.inspectImage(ref).orElseThrow().id());
            assertFalse(images.pull(ref, null, p -> { }).updated(), "a second pull finds it up to date");

            String byDigest = registry.host() + "/dstest/busybox@" + result.digest();
            made.tag(byDigest);
            PullResult pinned = images.pull(byDigest, null, p -> { });
            assertEquals(byDigest, pinned.reference());
            assertEquals(result.digest(), pinned.digest());
        }
    }

    @Test
    void pullsWithCredentialsFromDockerConfigAndFailsWithoutThem() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start("alice", "s3cret-pw")) {
            Path dockerConfig = Files.createDirectories(work.resolve("docker-config"));
            String ref = registry.host() + "/dstest/private:" + suffix;
            push(ref, dockerConfig);
            RegistryAuth auth = new Credentials(dockerConfig, Map.of(), List.of()).forImage(ref).orElseThrow();
            assertEquals("alice", auth.username());

            ImagePullException anonymous = assertThrows(ImagePullException.class, () -> images.pull(ref, null, p -> { }));
            assertTrue(anonymous.authentication(), anonymous.getMessage());
            assertTrue(anonymous.getMessage().contains("no basic auth credentials"), anonymous.getMessage());
            assertTrue(anonymous.getMessage().contains("docker login " + registry.host()), anonymous.getMessage());

            ImagePullException wrong = assertThrows(ImagePullException.class,
                    () -> images.pull(ref, RegistryAuth.basic(registry.host(), "alice", "wrong"), p -> { }));
            assertTrue(wrong.authentication(), wrong.getMessage());
            assertFalse(wrong.getMessage().contains("wrong"), "no password in messages: " + wrong.getMessage());

            made.tag(ref);
            PullResult result = images.pull(ref, auth, p -> { });
            assertTrue(result.updated());
            assertTrue(engine.inspectImage(ref).isPresent());
        }
    }

    @Test
    void aMissingImageIsAUserErrorAndAMissingRegistryAnEngineError() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(null, null)) {
            ImagePullException missing = assertThrows(ImagePullException.class,
                    () -> images.pull(registry.host() + "/dstest/nothing:" + suffix, null, p -> { }));
            assertFalse(missing.authentication());
            assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        }
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        EngineException unreachable = assertThrows(EngineException.class,
                () -> images.pull("127.0.0.1:" + closedPort + "/dstest/x:1", null, p -> { }));
        assertInstanceOf(EngineException.class, unreachable);
        assertTrue(unreachable.getMessage().contains("connection refused"), unreachable.getMessage());
    }

    /** Pushes busybox as {@code ref} with the docker CLI (logging in first when a config dir is given), then drops the local name. */
    private void push(String ref, Path dockerConfig) throws IOException, InterruptedException {
        Path config = dockerConfig != null ? dockerConfig : Files.createDirectories(work.resolve("anonymous-config"));
        if (dockerConfig != null) {
            String host = ref.substring(0, ref.indexOf('/'));
            LocalRegistry.docker(config, "s3cret-pw", "login", "-u", "alice", "--password-stdin", host);
        }
        LocalRegistry.docker(config, null, "tag", BUSYBOX, ref);
        try {
            LocalRegistry.docker(config, null, "push", ref);
        } finally {
            LocalRegistry.docker(config, null, "rmi", ref);
        }
        assertNotNull(config);
    }
}
