package io.github.dockerstack.build;

import static io.github.dockerstack.build.ContextFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.dockerjava.BuiltImages;
import io.github.dockerstack.engine.dockerjava.DockerJavaEngine;
import io.github.dockerstack.engine.dockerjava.DockerJavaImages;
import io.github.dockerstack.engine.dockerjava.RealEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image builder against the real engine: unchanged inputs skip the build, .dockerignore and
 * inline Dockerfiles behave in the engine as in Docker, a failed step names its Dockerfile line.
 * Fails, never skips, without an engine; removes every image it builds.
 */
class ImageBuilderTest {

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private DockerJavaEngine engine;
    private BuiltImages made;
    private List<String> output;
    private Consumer<String> collect;
    private DockerJavaImages images;
    private ImageBuilder builder;

    @TempDir
    Path dir;

    @BeforeEach
    void connect() throws Exception {
        engine = RealEngine.connect("busybox:latest");
        images = DockerJavaImages.of(engine);
        builder = new ImageBuilder(images, engine, ref -> Optional.empty());
        made = new BuiltImages(engine, images);
        output = made.output();
        collect = made.collector();
    }

    @AfterEach
    void removeWhatTheTestBuilt() {
        try {
            made.removeAll();
        } finally {
            engine.close();
        }
    }

    private BuildPlan plan(String name, String dockerfile, String dockerfileInline, Map<String, String> args) {
        String image = made.tag("docker-stack-test/" + name + ":" + suffix);
        return new BuildPlan(name, image, dir, dockerfile, dockerfileInline, args, null, Map.of("io.github.dockerstack.test", "yes"),
                List.of(image), List.of(), null, List.of(), null, false, false, null);
    }

    @Test
    void anUnchangedContextIsNotBuiltAgain() throws IOException {
        write(dir, "Dockerfile", "FROM busybox:latest\nARG V=1\nCOPY app.txt /app.txt\nRUN cat /app.txt && echo $V > /v\n",
                ".dockerignore", "*.log\n", "app.txt", "one", "debug.log", "x");
        BuildPlan plan = plan("skip", null, null, Map.of("V", "1"));

        ImageBuilder.Outcome first = builder.build(plan, collect);
        assertFalse(first.skipped());
        assertEquals(first.hash(), engine.inspectImage(plan.image()).orElseThrow().labels().get(BuildHash.LABEL));

        ImageBuilder.Outcome again = builder.build(plan, collect);
        assertTrue(again.skipped());
        assertEquals(first.imageId(), again.imageId());

        Files.setLastModifiedTime(dir.resolve("app.txt"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.writeString(dir.resolve("debug.log"), "ignored change");
        assertTrue(builder.build(plan, collect).skipped(), "times and ignored files do not count");

        output.clear();
        ImageBuilder.Outcome forced = builder.build(plan, true, collect);
        assertFalse(forced.skipped());
        int copy = output.indexOf("Step 3/6 : COPY app.txt /app.txt");
        assertEquals(" ---> Using cache", output.get(copy + 1), "the engine's cache ignores the new mtime of app.txt too: " + output);

        ImageBuilder.Outcome arg = builder.build(plan("skip", null, null, Map.of("V", "2")), collect);
        assertFalse(arg.skipped(), "an arg change builds");
        Files.writeString(dir.resolve("app.txt"), "two");
        ImageBuilder.Outcome content = builder.build(plan, collect);
        assertFalse(content.skipped(), "a content change builds");
        assertNotEquals(first.imageId(), content.imageId());
        System.out.printf("ImageBuilderTest timings: full build %d ms, unchanged (skipped) %d ms%n", first.duration().toMillis(),
                again.duration().toMillis());
    }

    @Test
    void aSkippedBuildStillRestoresAMissingTag() throws IOException {
        write(dir, "Dockerfile", "FROM busybox:latest\nLABEL x=y\n");
        String extra = "docker-stack-test/extra:" + suffix;
        made.tag(extra);
        BuildPlan base = plan("retag", null, null, Map.of());
        BuildPlan plan = new BuildPlan(base.service(), base.image(), dir, null, null, Map.of(), null, Map.of(), List.of(base.image(), extra),
                List.of(), null, List.of(), null, false, false, null);
        String id = builder.build(plan, collect).imageId();
        images.remove(extra, false);
        assertTrue(builder.build(plan, collect).skipped());
        assertEquals(id, engine.inspectImage(extra).orElseThrow().id());
    }

    @Test
    void aFailingStepNamesItsDockerfileLine() throws IOException {
        write(dir, "Dockerfile", """
                ARG BASE=busybox:latest
                FROM $BASE
                # prepare
                RUN echo one \\
                    two

                RUN echo about to fail && false
                RUN echo never
                """);
        BuildPlan plan = plan("failing", null, null, Map.of());
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> builder.build(plan, collect));
        assertEquals(4, e.stepNumber(), "the ARG before FROM is step 1");
        assertEquals(7, e.stepCount(), "5 instructions and a LABEL step per label (the test label and the build hash)");
        assertEquals(7, e.line());
        assertEquals(dir.resolve("Dockerfile").toString(), e.dockerfile());
        assertTrue(e.getMessage().startsWith("Building image " + plan.image() + " failed at " + dir.resolve("Dockerfile") + ":7 (Step 4/7 :"
                + " RUN echo about to fail && false): The command '/bin/sh -c echo about to fail && false' returned a non-zero code: 1"),
                e.getMessage());
    }

    @Test
    void aParseErrorNamesItsDockerfileLine() throws IOException {
        write(dir, "build.Dockerfile", "FROM busybox:latest\nWORKDIR /x\nBOGUS y\n");
        ImageBuildException e = assertThrows(ImageBuildException.class, () -> builder.build(plan("bogus", "build.Dockerfile", null, Map.of()),
                collect));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains(dir.resolve("build.Dockerfile") + ":3"), e.getMessage());
    }

    @Test
    void ignoredFilesNeverReachTheEngine() throws IOException {
        write(dir, "Dockerfile", "FROM busybox:latest\nCOPY . /ctx\nRUN test -f /ctx/app.txt && test ! -e /ctx/secret.txt"
                + " && test ! -e /ctx/cache && test -f /ctx/cache/keep.txt -o ! -d /ctx/cache\n",
                ".dockerignore", "secret.txt\ncache\n", "app.txt", "a", "secret.txt", "s", "cache/big.bin", "b");
        assertFalse(builder.build(plan("ignore", null, null, Map.of()), collect).skipped());
    }

    @Test
    void anInlineDockerfileIsNotCopiedIntoTheImage() throws IOException {
        write(dir, "app.txt", "a");
        String inline = "FROM busybox:latest\nCOPY . /ctx\nRUN ls -a /ctx && test \"$(ls -A /ctx)\" = app.txt\n";
        ImageBuilder.Outcome outcome = builder.build(plan("inline", null, inline, Map.of()), collect);
        assertFalse(outcome.skipped());
        assertTrue(builder.build(plan("inline", null, inline, Map.of()), collect).skipped());
    }

    @Test
    void aBuildKitDockerfileIsRefusedBeforeAnythingIsSent() throws IOException {
        write(dir, "Dockerfile", "FROM busybox:latest\nRUN --mount=type=cache,target=/var/cache true\nCOPY --chmod=755 a /a\n", "a", "");
        BuildException e = assertThrows(BuildException.class, () -> builder.build(plan("buildkit", null, null, Map.of()), collect));
        assertTrue(e.getMessage().contains(dir.resolve("Dockerfile") + ":2: RUN --mount needs BuildKit"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("Dockerfile") + ":3: COPY --chmod needs BuildKit"), e.getMessage());
        assertEquals(List.of(), output, "nothing was sent to the engine");
    }

    @Test
    void aSyntaxDirectiveIsOnlyAWarning() throws IOException {
        write(dir, "Dockerfile", "# syntax=docker/dockerfile:1\nFROM busybox:latest\nLABEL a=b\n");
        ImageBuilder.Outcome outcome = builder.build(plan("syntax", null, null, Map.of()), collect);
        assertEquals(1, outcome.warnings().size());
        assertEquals(1, outcome.warnings().get(0).line());
    }
}
