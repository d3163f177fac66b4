package io.github.dockerstack.stack;

import io.github.dockerstack.auth.Credentials;
import io.github.dockerstack.auth.RegistryHosts;
import io.github.dockerstack.auth.ServerCredentials;
import io.github.dockerstack.build.BuildContext;
import io.github.dockerstack.build.BuildKitFeatures;
import io.github.dockerstack.build.BuildPlan;
import io.github.dockerstack.build.Dockerfile;
import io.github.dockerstack.build.ImageBuilder;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.ImageReference;
import io.github.dockerstack.engine.ImageReferenceException;
import io.github.dockerstack.engine.Images;
import io.github.dockerstack.engine.PullProgress;
import io.github.dockerstack.engine.RegistryAuth;
import io.github.dockerstack.error.StackException;
import io.github.dockerstack.graph.ServiceGraph;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.load.ProjectLoader;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.ContainerSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The images of a project: {@code build} (as {@code docker compose build}), {@code pull} (as {@code docker compose pull})
 * and what {@code up} needs before it plans (as {@code docker compose up}: pull by policy, build what is missing).
 * Progress goes out as {@link StackEvent}s naming the service; failures are {@link ImageTaskException}s naming the service
 * and the image. An image that several services run is built or pulled once.
 *
 * <p>Deliberate differences from Docker Compose: an image that a service of the project builds is never pulled by
 * {@code up} (Compose tries a pull first and ignores its failure, which costs a registry round trip and can fetch an
 * unrelated Docker Hub image of the same name); the refresh policies ({@code daily}, {@code weekly}, {@code every_<d>})
 * compare with the image's creation time, where Compose uses the time it was last tagged locally, which the engine API
 * version docker-java speaks does not report (see {@link #imageTime}); an image pulled today but built long ago is
 * therefore refreshed again at the next {@code up}.
 */
public final class ImageTasks {
    /** Builds at once when the request gives no parallelism: builds are CPU- and disk-heavy. */
    public static final int DEFAULT_BUILD_PARALLELISM = 2;
    /** Pulls at once: network-bound, and the engine downloads the layers of each in parallel already. */
    public static final int PULL_PARALLELISM = 4;

    private static final Set<String> BUILD_MODES = Set.of("always", "missing", "never");

    /**
     * Options of {@link #build(Project, BuildOptions)}.
     *
     * @param force build even when the image carries the hash of the current inputs
     * @param noCache no layer cache (implies a build)
     * @param parallelism builds at once; 0 or less for {@link #DEFAULT_BUILD_PARALLELISM}
     */
    public record BuildOptions(boolean force, boolean noCache, int parallelism) {
    }

    /**
     * Options of {@link #pull(Project, PullOptions)}.
     *
     * @param policy a pull policy for every service with an image, or null for each service's {@code pull_policy}
     */
    public record PullOptions(String policy) {
    }

    private final Consumer<StackEvent> events;
    private final Engine engine;
    private final Supplier<Images> images;
    private final Supplier<Credentials> credentials;
    private final Clock clock;
    private final Function<ImageInfo, Optional<Instant>> imageTimes;

    public ImageTasks(Consumer<StackEvent> events, Engine engine, Images images, Credentials credentials) {
        this(events, engine, () -> images, () -> credentials, Clock.systemUTC(), ImageTasks::imageTime);
    }

    /** With the clock and the image times the refresh policies compare (tests). */
    ImageTasks(Consumer<StackEvent> events, Engine engine, Supplier<Images> images, Supplier<Credentials> credentials, Clock clock,
               Function<ImageInfo, Optional<Instant>> imageTimes) {
        this.events = events;
        this.engine = engine;
        this.images = memoized(images);
        this.credentials = memoized(credentials);
        this.clock = clock;
        this.imageTimes = imageTimes;
    }

    // ---------------------------------------------------------------- entry points for the facade

    /** What {@code Stack.build} does: opens the engine while the project loads, builds, closes. */
    public static BuildResult build(Consumer<StackEvent> events, EngineFactory engines, BuildRequest request) {
        Loaded loaded = loadAndOpen(events, engines, request.project(), request.engine());
        try (Engine engine = loaded.engine()) {
            return on(events, engines, engine, request.servers())
                    .build(loaded.project().onlyServices(request.project().services()),
                            new BuildOptions(request.force(), request.noCache(), request.parallelism()));
        }
    }

    /** What {@code Stack.pull} does: opens the engine while the project loads, pulls, closes. */
    public static PullResult pull(Consumer<StackEvent> events, EngineFactory engines, PullRequest request) {
        Loaded loaded = loadAndOpen(events, engines, request.project(), request.engine());
        try (Engine engine = loaded.engine()) {
            return on(events, engines, engine, request.servers()).pull(loaded.project().onlyServices(request.project().services()),
                    new PullOptions(request.policy()));
        }
    }

    /** What {@code Stack.up} does before it plans, on its open engine; {@code options} null for the defaults. */
    public static void ensureForUp(Consumer<StackEvent> events, EngineFactory engines, Engine engine, Project project,
                                   UpImageOptions options) {
        UpImageOptions o = options == null ? UpImageOptions.DEFAULTS : options;
        on(events, engines, engine, o.servers()).ensureForUp(project, o);
    }

    /** The images of an engine the factory opened. */
    static Images imagesOf(EngineFactory engines, Engine engine) {
        if (engines instanceof ImageEngineFactory f) {
            return f.images(engine);
        }
        if (engine instanceof Images i) {
            return i;
        }
        throw new IllegalStateException("this Stack's EngineFactory cannot build or pull images; give it an ImageEngineFactory");
    }

    private static ImageTasks on(Consumer<StackEvent> events, EngineFactory engines, Engine engine, Map<String, ServerCredentials> servers) {
        // images and config.json only when a pull or build needs them: an up that has its images needs neither
        return new ImageTasks(events, engine, () -> imagesOf(engines, engine), () -> Credentials.fromEnvironment(servers),
                Clock.systemUTC(), ImageTasks::imageTime);
    }

    private record Loaded(Project project, Engine engine) {
    }

    private static Loaded loadAndOpen(Consumer<StackEvent> events, EngineFactory engines, LoadRequest project, EngineSettings settings) {
        if (engines == null) {
            throw new IllegalStateException("this Stack was made without an EngineFactory; it can only run config");
        }
        EngineSettings s = settings == null ? new EngineSettings(null, null) : settings;
        try (EarlyConnection connection = EarlyConnection.start(() -> engines.open(s))) {
            Project loaded = new ProjectLoader(w -> events.accept(StackEvent.warn(w))).load(project);
            return new Loaded(loaded, connection.take().engine());
        }
    }

    /**
     * When the local image was last refreshed, for the refresh pull policies: when it was last pulled or tagged here, as
     * {@code docker compose} reads it, else (an engine that does not say) its creation time. Unknown means stale: those
     * policies pull.
     */
    static Optional<Instant> imageTime(ImageInfo info) {
        return Optional.ofNullable(info.lastTagged() != null ? info.lastTagged() : info.created());
    }

    // ---------------------------------------------------------------- build

    /** Builds every selected service's image that has a {@code build:} section; unchanged images are skipped unless forced. */
    public BuildResult build(Project project, BuildOptions options) {
        long started = System.nanoTime();
        Map<String, Service> builders = new TreeMap<>();
        project.services().values().stream().filter(s -> s.build() != null).forEach(s -> builders.put(s.name(), s));
        if (builders.isEmpty()) {
            events.accept(StackEvent.info("No service of project " + project.name() + " has a build section: nothing to build"));
            return new BuildResult(project.name(), Map.of(), since(started));
        }
        Map<String, BuiltImage> built = runBuilds(project, builders.values(), options.force(), options.noCache(), options.parallelism());
        return new BuildResult(project.name(), built, since(started));
    }

    /** One build to run: a service's plan and which other builds' images its Dockerfile starts FROM. */
    private record BuildJob(Service service, BuildPlan plan, List<String> users, Set<String> baseImages) {
    }

    private Map<String, BuiltImage> runBuilds(Project project, Iterable<Service> candidates, boolean force, boolean noCache, int parallelism) {
        Map<String, Service> byImage = new LinkedHashMap<>();
        for (Service s : candidates) {
            String image = ContainerSpecs.imageName(project, s);
            Service first = byImage.putIfAbsent(image, s);
            if (first != null && !first.build().equals(s.build())) {
                events.accept(new StackEvent(StackEvent.Level.WARN, s.name(), "services " + first.name() + " and " + s.name()
                        + " build the same image " + image + " from different build sections; it is built once, from " + first.name()
                        + "'s"));
            }
        }
        Map<String, BuildJob> jobs = new TreeMap<>();
        List<String> buildKitErrors = new ArrayList<>();
        for (Map.Entry<String, Service> e : byImage.entrySet()) {
            Service s = e.getValue();
            BuildPlan plan = BuildPlan.of(project, s).withNoCache(noCache || Boolean.TRUE.equals(s.build().noCache()));
            List<String> users = project.services().values().stream().filter(u -> ContainerSpecs.imageName(project, u).equals(e.getKey()))
                    .map(Service::name).toList();
            Set<String> bases = new TreeSet<>();
            String text = dockerfileText(plan);
            if (text != null) { // unreadable: the builder says why
                Dockerfile dockerfile = Dockerfile.parse(plan.dockerfileDisplayName(), text);
                for (BuildKitFeatures.Finding f : BuildKitFeatures.check(dockerfile)) {
                    if (f.severity() == BuildKitFeatures.Severity.ERROR) {
                        buildKitErrors.add("  service " + s.name() + ": " + f);
                    } else {
                        events.accept(new StackEvent(StackEvent.Level.WARN, s.name(), f.toString()));
                    }
                }
                dockerfile.baseImages(plan.args()).forEach(b -> bases.add(normalized(b.reference())));
            }
            jobs.put(s.name(), new BuildJob(s, plan, users.isEmpty() ? List.of(s.name()) : users, bases));
        }
        if (!buildKitErrors.isEmpty()) {
            // before any context is sent: a parallel build of another service would otherwise already be running
            throw new ImageTaskException(StackException.Kind.USER, jobs.size() == 1 ? jobs.keySet().iterator().next() : null, null,
                    "Cannot build the images of project " + project.name() + ": their Dockerfiles use BuildKit-only features, and the"
                            + " plugin builds through docker-java with the engine's classic builder:\n" + String.join("\n", buildKitErrors),
                    null);
        }
        Map<String, List<String>> dependencies = new TreeMap<>();
        jobs.forEach((name, job) -> dependencies.put(name, jobs.values().stream()
                .filter(other -> other != job && job.baseImages().contains(normalized(other.plan().image())))
                .map(other -> other.service().name()).toList()));
        ServiceGraph graph = ServiceGraph.of(dependencies);
        List<String> cycle = graph.findCycle();
        if (!cycle.isEmpty()) {
            throw new ImageTaskException(StackException.Kind.USER, null, null, "The images of services " + String.join(" -> ", cycle)
                    + " are built FROM each other; break the cycle in their Dockerfiles.", null);
        }
        ImageBuilder builder = new ImageBuilder(images.get(), engine, ref -> credentials.get().forImage(ref));
        Map<String, BuiltImage> built = new ConcurrentHashMap<>();
        int bound = Math.max(1, Math.min(parallelism > 0 ? parallelism : DEFAULT_BUILD_PARALLELISM, jobs.size()));
        graph.walk(ServiceGraph.Direction.DEPENDENCIES_FIRST, bound, name -> built.put(name, buildOne(builder, jobs.get(name), force)));
        return new TreeMap<>(built);
    }

    private BuiltImage buildOne(ImageBuilder builder, BuildJob job, boolean force) {
        String service = job.service().name();
        String image = job.plan().image();
        String shared = job.users().size() > 1 ? " (run by services " + String.join(", ", job.users()) + ")" : " for service " + service;
        events.accept(new StackEvent(StackEvent.Level.INFO, service, "Building image " + image + shared));
        ImageBuilder.Outcome outcome;
        try {
            outcome = builder.build(job.plan(), force, line -> {
                if (!line.isBlank()) {
                    events.accept(new StackEvent(StackEvent.Level.INFO, service, service + " | " + line));
                }
            });
        } catch (ImageBuildException e) {
            throw new ImageTaskException(e.kind(), service, image, "Service '" + service + "': " + e.getMessage(), e);
        } catch (StackException e) {
            throw new ImageTaskException(e.kind(), service, image, "Service '" + service + "': building image " + image + " failed: "
                    + e.getMessage(), e);
        }
        if (outcome.skipped()) {
            events.accept(new StackEvent(StackEvent.Level.INFO, service, "Image " + image + " is up to date (" + shortId(outcome.imageId())
                    + "): its build inputs are unchanged, not rebuilt"));
        } else {
            events.accept(new StackEvent(StackEvent.Level.INFO, service, "Built image " + image + " (" + shortId(outcome.imageId()) + ") in "
                    + seconds(outcome.duration())));
        }
        return new BuiltImage(service, image, outcome.imageId(), outcome.skipped(), job.users(), outcome.duration());
    }

    /** The Dockerfile's text for the BuildKit check and the build order, or null when it cannot be read (the build reports it). */
    private static String dockerfileText(BuildPlan plan) {
        if (plan.dockerfileInline() != null) {
            return plan.dockerfileInline();
        }
        Path file = plan.context().resolve(plan.dockerfile() == null ? BuildContext.DEFAULT_DOCKERFILE : plan.dockerfile());
        if (plan.dockerfile() == null && !Files.exists(file)) {
            file = plan.context().resolve("dockerfile"); // the Docker CLI's fallback
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- pull

    /** One image to pull, for the services that run it. */
    private record PullJob(String image, String service, List<String> services, String platform, boolean buildable) {
    }

    /** The outcome of one pull: the image, or why it failed. */
    private record Pulled(PullJob job, PulledImage image, RuntimeException failure) {
    }

    /**
     * Pulls the selected services' images as {@code docker compose pull}: a service without {@code pull_policy} (or
     * with always or a refresh policy) pulls; "missing" pulls when the image is absent or tagged latest; never and build
     * do not. A pull that fails for an image the project can build is a warning.
     */
    public PullResult pull(Project project, PullOptions options) {
        long started = System.nanoTime();
        PullPolicy override = option(options.policy(), "docker-stack.pull");
        Map<String, PullJob> jobs = new LinkedHashMap<>();
        Map<String, String> skipped = new TreeMap<>();
        for (Service s : project.services().values()) {
            if (s.image() == null) {
                skipped.put(s.name(), "no image to pull: it is built (docker-stack:build)");
                events.accept(new StackEvent(StackEvent.Level.INFO, s.name(), s.name() + ": no image to pull, it is built (docker-stack:build)"));
                continue;
            }
            PullPolicy policy = override != null ? override : s.pullPolicy() == null ? null : policy(s);
            String reason = policy == null ? null : pullGoalSkips(policy, s.image());
            if (reason != null) {
                skipped.put(s.name(), reason);
                events.accept(new StackEvent(StackEvent.Level.INFO, s.name(), "Not pulling " + s.image() + " for " + s.name() + ": " + reason));
                continue;
            }
            PullJob first = jobs.get(s.image());
            if (first == null) {
                jobs.put(s.image(), new PullJob(s.image(), s.name(), List.of(s.name()), s.platform(), buildable(project, s.image())));
            } else {
                List<String> services = new ArrayList<>(first.services());
                services.add(s.name());
                jobs.put(s.image(), new PullJob(first.image(), first.service(), services, first.platform(), first.buildable()));
            }
        }
        Map<String, PulledImage> pulled = new TreeMap<>();
        List<String> mustBuild = new ArrayList<>();
        List<Pulled> failed = new ArrayList<>();
        for (Pulled p : pullAll(new ArrayList<>(jobs.values()))) {
            if (p.failure() == null) {
                pulled.put(p.job().service(), p.image());
            } else if (p.job().buildable()) {
                mustBuild.addAll(p.job().services());
                events.accept(new StackEvent(StackEvent.Level.WARN, p.job().service(), "Pulling " + p.job().image() + " failed ("
                        + p.failure().getMessage() + "); the project builds it: run docker-stack:build"));
            } else {
                failed.add(p);
            }
        }
        throwIfFailed(failed);
        return new PullResult(project.name(), pulled, skipped, mustBuild, since(started));
    }

    /** Why the pull goal leaves an image alone under an explicit policy, or null to pull (compose's shouldPullImage). */
    private String pullGoalSkips(PullPolicy policy, String image) {
        return switch (policy.kind()) {
            case ALWAYS, REFRESH -> null; // a refresh window would skip it on up, but an explicit pull is due now
            case NEVER, BUILD -> "pull policy " + policy.text();
            case MISSING -> engine.inspectImage(image).isEmpty() || latest(image) ? null : "the image is present (pull policy "
                    + policy.text() + ")";
        };
    }

    private List<Pulled> pullAll(List<PullJob> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(PULL_PARALLELISM, jobs.size());
        if (threads == 1) {
            return List.of(pullOne(jobs.get(0)));
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "docker-stack-pull-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Pulled>> futures = new ArrayList<>();
            jobs.forEach(job -> futures.add(pool.submit(() -> pullOne(job))));
            List<Pulled> results = new ArrayList<>();
            for (Future<Pulled> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) { // pullOne catches every RuntimeException: only an Error gets here
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pulling images", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Pulled pullOne(PullJob job) {
        long started = System.nanoTime();
        String shared = job.services().size() > 1 ? " (run by services " + String.join(", ", job.services()) + ")"
                : " for service " + job.service();
        events.accept(new StackEvent(StackEvent.Level.INFO, job.service(), "Pulling " + job.image() + shared));
        try {
            RegistryAuth auth = auth(job);
            io.github.dockerstack.engine.PullResult r = images.get().pull(job.image(), job.platform(), auth, this::progress);
            Duration took = since(started);
            events.accept(new StackEvent(StackEvent.Level.INFO, job.service(), "Pulled " + r.reference() + " "
                    + (r.updated() ? "(newer image downloaded)" : "(image is up to date)") + (r.digest() == null ? "" : " " + r.digest())
                    + " in " + seconds(took)));
            return new Pulled(job, new PulledImage(r.reference(), r.digest(), r.updated(), job.services(), took), null);
        } catch (RuntimeException e) {
            return new Pulled(job, null, e);
        }
    }

    private RegistryAuth auth(PullJob job) {
        String registry;
        try {
            registry = RegistryHosts.registryOf(job.image());
        } catch (ImageReferenceException e) {
            return null; // the pull reports the reference
        }
        Optional<Credentials.Found> found = credentials.get().lookup(registry);
        found.ifPresent(f -> events.accept(new StackEvent(StackEvent.Level.DEBUG, job.service(), "Credentials for " + registry + " from "
                + f.origin())));
        return found.map(Credentials.Found::auth).orElse(null);
    }

    /** Layer progress stays out of the log; the engine's overall status lines (no progress bar) go to debug. */
    private void progress(PullProgress p) {
        if (p.progress() == null || p.progress().isEmpty()) {
            events.accept(new StackEvent(StackEvent.Level.DEBUG, null, p.line()));
        }
    }

    private void throwIfFailed(List<Pulled> failed) {
        if (failed.isEmpty()) {
            return;
        }
        Pulled first = failed.get(0);
        RuntimeException cause = first.failure();
        StackException.Kind kind = cause instanceof StackException se ? se.kind() : StackException.Kind.ENGINE;
        if (failed.size() == 1) {
            throw new ImageTaskException(kind, first.job().service(), first.job().image(), pullMessage(first), cause);
        }
        ImageTaskException e = new ImageTaskException(kind, null, null, failed.size() + " pulls failed:\n"
                + failed.stream().map(p -> "  - " + pullMessage(p).replace("\n", "\n    ")).collect(Collectors.joining("\n")), cause);
        failed.stream().skip(1).forEach(p -> e.addSuppressed(p.failure()));
        throw e;
    }

    private static String pullMessage(Pulled p) {
        String m = p.failure().getMessage();
        return "Service '" + p.job().service() + "': " + (m != null && m.contains(p.job().image()) ? m : "pulling " + p.job().image()
                + " failed: " + m);
    }

    // ---------------------------------------------------------------- up

    /**
     * Makes sure every selected service's image is there before {@code up} plans: pulls by each service's
     * {@code pull_policy} (or {@code options.pull()}), then builds what is missing (every buildable image with build
     * "always", nothing with "never"). An image that is missing and may be neither pulled nor built fails, naming the
     * service, the image and what to do.
     */
    public void ensureForUp(Project project, UpImageOptions options) {
        String mode = options.build() == null || options.build().isBlank() ? "missing" : options.build().trim().toLowerCase(Locale.ROOT);
        if (!BUILD_MODES.contains(mode)) {
            throw new ImageTaskException(StackException.Kind.USER, null, null, "docker-stack.build is '" + options.build()
                    + "'; use always, missing or never.", null);
        }
        PullPolicy override = option(options.pull(), "docker-stack.pull");
        Map<String, List<Service>> users = new LinkedHashMap<>();
        project.services().values().forEach(s -> users.computeIfAbsent(ContainerSpecs.imageName(project, s), k -> new ArrayList<>()).add(s));
        List<Service> toBuild = new ArrayList<>();
        List<PullJob> toPull = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> problemServices = new ArrayList<>();
        for (Map.Entry<String, List<Service>> e : users.entrySet()) {
            String image = e.getKey();
            List<Service> using = e.getValue();
            Service first = using.get(0);
            Optional<ImageInfo> local = engine.inspectImage(image);
            Optional<Service> builder = builderOf(project, image);
            if (builder.isPresent()) {
                boolean policyBuild = using.stream().anyMatch(s -> policy(s, override).kind() == PullPolicy.Kind.BUILD);
                if (mode.equals("always") || mode.equals("missing") && (local.isEmpty() || policyBuild)) {
                    toBuild.add(builder.get());
                } else if (local.isEmpty()) {
                    problemServices.add(first.name());
                    problems.add("Image " + image + " of service '" + first.name() + "' is missing, and docker-stack.build=never forbids"
                            + " building it: run docker-stack:build first, or let up build it (docker-stack.build=missing).");
                }
                continue;
            }
            Service puller = null;
            for (Service s : using) {
                if (mustPull(policy(s, override), local)) {
                    puller = s;
                    break;
                }
            }
            if (puller != null) {
                toPull.add(new PullJob(image, puller.name(), using.stream().map(Service::name).toList(), puller.platform(), false));
            } else if (local.isEmpty()) {
                problemServices.add(first.name());
                PullPolicy p = policy(first, override);
                String origin = override != null ? "docker-stack.pull=" + p.text() : "pull_policy: " + p.text();
                problems.add(p.kind() == PullPolicy.Kind.BUILD
                        ? "Image " + image + " of service '" + first.name() + "' is missing, and " + origin + " asks for a build, but no"
                        + " service builds " + image + ": add a build section, or change the policy to missing."
                        : "Image " + image + " of service '" + first.name() + "' is missing, and " + origin + " forbids pulling it: pull"
                        + " or load it into the engine first (docker pull " + image + "), or use a policy that pulls (missing).");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImageTaskException(StackException.Kind.USER, problems.size() == 1 ? problemServices.get(0) : null, null,
                    String.join("\n", problems), null);
        }
        List<Pulled> failed = pullAll(toPull).stream().filter(p -> p.failure() != null).toList();
        throwIfFailed(failed);
        if (!toBuild.isEmpty()) {
            runBuilds(project, toBuild, false, false, options.buildParallelism());
        }
    }

    /** Compose's mustPull: what {@code up} pulls under a policy. */
    private boolean mustPull(PullPolicy policy, Optional<ImageInfo> local) {
        return switch (policy.kind()) {
            case ALWAYS -> true;
            case NEVER, BUILD -> false;
            case MISSING -> local.isEmpty();
            case REFRESH -> local.isEmpty() || imageTimes.apply(local.get())
                    .map(t -> clock.instant().isAfter(t.plus(policy.interval()))).orElse(true);
        };
    }

    /** The service (selected first, then disabled ones, by name) whose build section makes {@code image}. */
    private static Optional<Service> builderOf(Project project, String image) {
        return java.util.stream.Stream.concat(project.services().values().stream(), project.disabledServices().values().stream())
                .filter(s -> s.build() != null && ContainerSpecs.imageName(project, s).equals(image)).findFirst();
    }

    private static boolean buildable(Project project, String image) {
        return builderOf(project, image).isPresent();
    }

    // ---------------------------------------------------------------- policies

    private PullPolicy policy(Service s, PullPolicy override) {
        return override != null ? override : policy(s);
    }

    /** The service's own pull_policy; an unknown word means "missing", as in compose-go, with a warning. */
    private PullPolicy policy(Service s) {
        PullPolicy p;
        try {
            p = PullPolicy.parse(s.pullPolicy());
        } catch (IllegalArgumentException e) {
            throw new ImageTaskException(StackException.Kind.USER, s.name(), s.image(), "services." + s.name() + ".pull_policy: "
                    + e.getMessage() + "; write every_<duration> (every_12h), daily, weekly, always, missing, never or build.", e);
        }
        if (s.pullPolicy() != null && !p.known()) {
            events.accept(new StackEvent(StackEvent.Level.WARN, s.name(), "services." + s.name() + ".pull_policy '" + s.pullPolicy()
                    + "' is not a pull policy; treated as missing, as Docker Compose does"));
        }
        return p;
    }

    /** A policy given as a plugin parameter: strict, since no compose file has to be honoured. */
    private static PullPolicy option(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PullPolicy p;
        try {
            p = PullPolicy.parse(text.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            p = null;
        }
        if (p == null || !p.known()) {
            throw new ImageTaskException(StackException.Kind.USER, null, null, parameter + " is '" + text + "'; use always, missing,"
                    + " never, build, daily, weekly or every_<duration> (every_12h), or leave it empty for each service's pull_policy.", null);
        }
        return p;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean latest(String image) {
        try {
            ImageReference ref = ImageReference.parse(image);
            return ref.digest() == null && ImageReference.DEFAULT_TAG.equals(ref.tagOrDigest());
        } catch (ImageReferenceException e) {
            return false;
        }
    }

    /** "docker.io/library/busybox:latest" for "busybox": how base images and built images are compared. */
    private static String normalized(String reference) {
        try {
            return ImageReference.parse(reference).toString();
        } catch (ImageReferenceException e) {
            return reference;
        }
    }

    private static String shortId(String id) {
        if (id == null) {
            return "no id";
        }
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return "sha256:" + hex.substring(0, Math.min(12, hex.length()));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
