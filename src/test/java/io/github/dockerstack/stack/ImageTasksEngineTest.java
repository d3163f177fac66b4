package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.dockerjava.DockerJavaEngine;
import io.github.dockerstack.engine.dockerjava.DockerJavaImages;
import io.github.dockerstack.engine.dockerjava.EngineConnection;
import io.github.dockerstack.load.LoadRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real engine: two services run one image built from a multi-stage Dockerfile (a target stage and a build
 * arg); it is built once, a second build is skipped with the same image id, and {@code up}'s check builds nothing more.
 * Fails, never skips, without an engine. The image and every layer the builds made are removed afterwards.
 */
class ImageTasksEngineTest {
    private static final String BUSYBOX = "busybox:latest";
    private static final Pattern LAYER = Pattern.compile("^\\s*---> ([0-9a-f]{12})$");

    private static final String DOCKERFILE = """
            FROM busybox:latest AS base
            ARG SUFFIX
            LABEL io.github.dockerstack.test=$SUFFIX
            RUN echo "base $SUFFIX" > /base.txt

            FROM base AS app
            ARG GREETING=default
            RUN echo "$GREETING" > /greeting.txt
            LABEL stage=app greeting=$GREETING

            FROM base AS final
            LABEL stage=final
            """;

    @TempDir
    Path dir;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String image = "dsimg" + suffix + "/app:1";
    private final List<StackEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aSharedMultiStageImageIsBuiltOnceThenSkipped() throws Exception {
        DockerJavaEngine engine = EngineConnection.open(null, null);
        DockerJavaImages images = DockerJavaImages.of(engine);
        String busyboxId = null;
        try {
            try {
                engine.ping();
            } catch (EngineException.Unreachable e) {
                fail("This test needs a Docker engine: start one with `bash scripts/engine.sh`. " + e.getMessage());
            }
            busyboxId = engine.inspectImage(BUSYBOX).map(ImageInfo::id).orElse(null);
            if (busyboxId == null) {
                fail("Image " + BUSYBOX + " is missing from the engine at " + engine.address() + ": run `bash scripts/engine.sh` (it"
                        + " builds it locally; nothing can be pulled).");
            }
            Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
            LoadRequest project = TestProjects.write(dir, "dsimg" + suffix, """
                    services:
                      web:
                        image: %s
                        build:
                          context: .
                          target: app
                          args:
                            GREETING: hello-from-arg
                            SUFFIX: "%s"
                      worker:
                        image: %s
                    """.formatted(image, suffix, image));
            ImageEngineFactory factory = ImageEngineFactory.of(s -> EngineConnection.open(s.dockerHost(), s.dockerContext()),
                    e -> DockerJavaImages.of((DockerJavaEngine) e));
            BuildRequest request = new BuildRequest(project, new EngineSettings(null, null), false, false, 0, Map.of());

            BuildResult first = ImageTasks.build(events::add, factory, request);
            BuiltImage built = first.images().get("web");
            assertEquals(Set.of("web"), first.images().keySet());
            assertEquals(List.of("web", "worker"), built.services());
            assertFalse(built.skipped());
            assertEquals(1, events.stream().filter(e -> e.message().startsWith("Building image " + image)).count(), events.toString());
            ImageInfo info = engine.inspectImage(image).orElseThrow();
            assertEquals(built.imageId(), info.id());
            assertEquals("app", info.labels().get("stage"), "the target stage, not the last one");
            assertEquals("hello-from-arg", info.labels().get("greeting"));
            assertEquals(suffix, info.labels().get("io.github.dockerstack.test"));

            List<StackEvent> before = List.copyOf(events);
            BuildResult second = ImageTasks.build(events::add, factory, request);
            assertTrue(second.images().get("web").skipped());
            assertEquals(built.imageId(), second.images().get("web").imageId());
            assertTrue(events.stream().skip(before.size()).anyMatch(e -> e.message().contains("is up to date (" + built.imageId()
                    .substring(0, 19) + ")")), events.toString());

            int count = events.size();
            ImageTasks.ensureForUp(events::add, factory, engine, new io.github.dockerstack.load.ProjectLoader(w -> {
            }).load(project), null);
            assertTrue(events.stream().skip(count).noneMatch(e -> e.message().startsWith("Building") || e.message().startsWith("Pulling")),
                    events.toString());
        } finally {
            cleanUp(engine, images, busyboxId);
        }
    }

    /** Removes the image, then every layer the builds printed (" ---> id") except busybox's; parents go with their children. */
    private void cleanUp(DockerJavaEngine engine, DockerJavaImages images, String busyboxId) {
        try {
            Set<String> layers = new LinkedHashSet<>();
            for (StackEvent e : events) {
                int bar = e.message().indexOf(" | ");
                Matcher m = LAYER.matcher(bar < 0 ? "" : e.message().substring(bar + 3));
                if (m.matches() && (busyboxId == null || !busyboxId.startsWith("sha256:" + m.group(1)))) {
                    layers.add(m.group(1));
                }
            }
            remove(images, image);
            List<String> reversed = new java.util.ArrayList<>(layers);
            java.util.Collections.reverse(reversed);
            reversed.forEach(id -> remove(images, id));
            assertTrue(engine.inspectImage(image).isEmpty(), "image " + image + " left behind");
        } finally {
            engine.close();
        }
    }

    private static void remove(DockerJavaImages images, String image) {
        try {
            images.remove(image, false);
        } catch (EngineException.NotFound | EngineException.Conflict gone) {
            // removed with its child, or still used by an image another test built from the same layers
        }
    }
}
