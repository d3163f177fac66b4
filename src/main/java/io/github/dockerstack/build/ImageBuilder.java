package io.github.dockerstack.build;

import io.github.dockerstack.engine.BuildSpec;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.ImageReferenceException;
import io.github.dockerstack.engine.Images;
import io.github.dockerstack.engine.RegistryAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a service's image: reads the context honouring .dockerignore, refuses BuildKit-only
 * Dockerfiles before sending anything, skips the build when the image already carries the
 * {@link BuildHash} of the current inputs (unless forced, pulling or without cache), and
 * otherwise sends the context tar to the engine's classic builder. A failed step is reported with
 * the Dockerfile line it came from.
 */
public final class ImageBuilder {
    private static final String ABSENT = "absent";

    private final Images images;
    private final Engine engine;
    private final Function<String, Optional<RegistryAuth>> credentials;

    /**
     * @param images builds and tags
     * @param engine inspects images (the build hash label, base image ids)
     * @param credentials credentials for an image reference's registry, for private base images
     *                    ({@code auth.Credentials::forImage}); {@code ref -> Optional.empty()} for none
     */
    public ImageBuilder(Images images, Engine engine, Function<String, Optional<RegistryAuth>> credentials) {
        this.images = images;
        this.engine = engine;
        this.credentials = credentials;
    }

    /**
     * What a build did.
     *
     * @param service the service
     * @param image the image name
     * @param imageId the image id
     * @param hash the build hash (also the image's {@link BuildHash#LABEL})
     * @param skipped true when the image was up to date and nothing was built
     * @param warnings BuildKit features the classic builder ignores, for the caller to show
     * @param duration time taken
     */
    public record Outcome(String service, String image, String imageId, String hash, boolean skipped, List<BuildKitFeatures.Finding> warnings,
                          Duration duration) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /** Builds unless the image is up to date. */
    public Outcome build(BuildPlan plan, Consumer<String> output) {
        return build(plan, false, output);
    }

    /**
     * Builds the image of {@code plan}.
     *
     * @param force build even when the image carries the current build hash
     * @param output receives the builder's output lines
     * @throws BuildException when the context, the Dockerfile or the settings cannot be used
     * @throws ImageBuildException when the engine's build fails (located in the Dockerfile)
     */
    public Outcome build(BuildPlan plan, boolean force, Consumer<String> output) {
        long start = System.nanoTime();
        String display = plan.dockerfileDisplayName();
        BuildContext context = BuildContext.scan(plan.context(), plan.dockerfile(), plan.dockerfileInline());
        Dockerfile dockerfile = Dockerfile.parse(display, context.dockerfileText());
        List<BuildKitFeatures.Finding> findings = BuildKitFeatures.check(dockerfile);
        List<BuildKitFeatures.Finding> errors = BuildKitFeatures.errors(findings);
        if (!errors.isEmpty()) {
            throw new BuildException("Cannot build the image of service " + plan.service() + ":\n"
                    + errors.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        }
        List<BuildKitFeatures.Finding> warnings = findings.stream().filter(f -> f.severity() == BuildKitFeatures.Severity.WARNING).toList();
        List<Dockerfile.BaseImage> bases = dockerfile.baseImages(plan.args());
        Map<String, String> baseIds = new LinkedHashMap<>();
        for (Dockerfile.BaseImage base : bases) {
            baseIds.put(base.reference(), localId(base.reference()));
        }
        String hash = BuildHash.of(context, plan.args(), plan.target(), plan.labels(), plan.platform(), baseIds);
        if (!force && !plan.pull() && !plan.noCache()) {
            Optional<ImageInfo> existing = engine.inspectImage(plan.image());
            if (existing.isPresent() && hash.equals(existing.get().labels().get(BuildHash.LABEL))) {
                ensureTags(plan, existing.get().id());
                return new Outcome(plan.service(), plan.image(), existing.get().id(), hash, true, warnings,
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
        Path tar = null;
        try {
            tar = Files.createTempFile("docker-stack-context-", ".tar");
            context.writeTar(tar);
            BuildSpec.Builder spec = BuildSpec.builder(BuildSpec.ContextTar.file(tar)).dockerfile(context.dockerfile()).args(plan.args())
                    .target(plan.target())
                    .labels(plan.labels()).label(BuildHash.LABEL, hash).tags(plan.tags()).cacheFrom(plan.cacheFrom())
                    .networkMode(plan.network()).extraHosts(plan.extraHosts()).shmSize(plan.shmSize()).pull(plan.pull())
                    .noCache(plan.noCache()).platform(plan.platform());
            for (Dockerfile.BaseImage base : bases) {
                credentialsFor(base.reference()).ifPresent(spec::registryAuth);
            }
            String id = images.build(spec.build(), output);
            return new Outcome(plan.service(), plan.image(), id, hash, false, warnings, Duration.ofNanos(System.nanoTime() - start));
        } catch (ImageBuildException e) {
            throw locate(e, dockerfile);
        } catch (IOException e) {
            throw new BuildException("Cannot write the build context of service " + plan.service() + " to a temporary file: " + e, e);
        } finally {
            if (tar != null) {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    /** The failure with the Dockerfile line of its step ("Step N/M" is the N-th instruction). */
    static ImageBuildException locate(ImageBuildException e, Dockerfile dockerfile) {
        if (e.line() != null) {
            return e.at(dockerfile.name(), e.line());
        }
        if (e.stepNumber() == null) {
            return e.at(dockerfile.name(), null);
        }
        Dockerfile.Instruction in = dockerfile.step(e.stepNumber());
        if (in != null && e.step() != null && !e.step().regionMatches(true, 0, in.keyword(), 0, in.keyword().length())) {
            in = null; // numbering disagrees: better no line than a wrong one
        }
        return e.at(dockerfile.name(), in == null ? null : in.line());
    }

    private String localId(String reference) {
        try {
            return engine.inspectImage(reference).map(ImageInfo::id).orElse(ABSENT);
        } catch (EngineException e) { // an unexpandable reference: the build will say what is wrong
            return ABSENT;
        }
    }

    private Optional<RegistryAuth> credentialsFor(String reference) {
        try {
            return credentials.apply(reference);
        } catch (ImageReferenceException e) {
            return Optional.empty(); // e.g. unexpanded variables: the engine reports the reference itself
        }
    }

    private void ensureTags(BuildPlan plan, String id) {
        for (String tag : plan.tags()) {
            Optional<ImageInfo> tagged = engine.inspectImage(tag);
            if (tagged.isEmpty() || !tagged.get().id().equals(id)) {
                images.tag(id, tag);
            }
        }
    }
}
