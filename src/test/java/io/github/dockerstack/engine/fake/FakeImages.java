package io.github.dockerstack.engine.fake;

import io.github.dockerstack.engine.BuildSpec;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.ImagePullException;
import io.github.dockerstack.engine.ImageReference;
import io.github.dockerstack.engine.ImageReferenceException;
import io.github.dockerstack.engine.Images;
import io.github.dockerstack.engine.PullProgress;
import io.github.dockerstack.engine.PullResult;
import io.github.dockerstack.engine.RegistryAuth;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Images in memory, for unit tests: local images (by name, "busybox" meaning "busybox:latest", and by id), a registry of
 * images that can be pulled, builds that tag an image with the spec's labels, and scripted build and pull failures.
 * {@link #engine(Engine)} puts these images behind an engine's {@code inspectImage}. Records every build and pull, the
 * credentials pulls were given, and how many builds and pulls ran at once at most. Thread-safe.
 */
public final class FakeImages implements Images {
    private final Map<String, ImageInfo> local = new HashMap<>();
    private final Map<String, String> registry = new HashMap<>();
    private final Map<String, String> buildFailures = new HashMap<>();
    private final Map<String, String> pullFailures = new HashMap<>();
    private final List<BuildSpec> builds = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pulls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, RegistryAuth> pullAuths = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger buildsRunning = new AtomicInteger();
    private final AtomicInteger pullsRunning = new AtomicInteger();
    private final AtomicInteger maxBuilds = new AtomicInteger();
    private final AtomicInteger maxPulls = new AtomicInteger();
    private volatile long workMillis;
    private volatile CountDownLatch gate;

    public FakeImages() {
        local("busybox:latest");
    }

    // ---------------------------------------------------------------- set-up

    /** Adds a local image without labels. */
    public FakeImages local(String reference) {
        return local(reference, Map.of());
    }

    public synchronized FakeImages local(String reference, Map<String, String> labels) {
        put(reference, new ImageInfo(newId(), List.of(key(reference)), labels, "linux", "amd64", null));
        return this;
    }

    /** Sets when a local image was created (the engine's "Created"), which the refresh pull policies compare. */
    public synchronized FakeImages created(String reference, java.time.Instant when) {
        ImageInfo i = local.get(key(reference));
        put(reference, new ImageInfo(i.id(), i.repoTags(), i.labels(), i.os(), i.architecture(), when));
        return this;
    }

    /** The registry holds {@code reference} with this digest: pulls of it succeed. */
    public synchronized FakeImages remote(String reference, String digest) {
        registry.put(key(reference), digest);
        return this;
    }

    /** Builds tagged {@code image} fail in step 2 ("RUN false") with this engine message. */
    public synchronized FakeImages failBuild(String image, String engineMessage) {
        buildFailures.put(key(image), engineMessage);
        return this;
    }

    /** Pulls of {@code reference} fail with this registry message (an authentication failure when it says "unauthorized"). */
    public synchronized FakeImages failPull(String reference, String message) {
        pullFailures.put(key(reference), message);
        return this;
    }

    /** Every build and pull takes this long (so overlapping ones can be counted). */
    public FakeImages workMillis(long millis) {
        this.workMillis = millis;
        return this;
    }

    /** Builds and pulls wait for this latch (released by the test) before they finish. */
    public FakeImages gate(CountDownLatch latch) {
        this.gate = latch;
        return this;
    }

    /** {@code base} with these images behind {@code inspectImage} and {@code imageExists}; every other call goes to {@code base}. */
    public Engine engine(Engine base) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("inspectImage")) {
                return inspect((String) args[0]);
            }
            if (method.getName().equals("imageExists")) {
                return inspect((String) args[0]).isPresent();
            }
            try {
                return method.invoke(base, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class}, handler);
    }

    // ---------------------------------------------------------------- inspection

    public synchronized Optional<ImageInfo> inspect(String reference) {
        ImageInfo byName = local.get(key(reference));
        if (byName != null) {
            return Optional.of(byName);
        }
        return local.values().stream().filter(i -> i.id().equals(reference)).findFirst();
    }

    /** The builds sent, in order. */
    public List<BuildSpec> builds() {
        synchronized (builds) {
            return List.copyOf(builds);
        }
    }

    /** The images built, by first tag, in order. */
    public List<String> built() {
        return builds().stream().map(BuildSpec::image).toList();
    }

    /** The references pulled, in order. */
    public List<String> pulls() {
        synchronized (pulls) {
            return List.copyOf(pulls);
        }
    }

    /** The credentials each pull got (null for anonymous), by reference. */
    public Map<String, RegistryAuth> pullAuths() {
        synchronized (pullAuths) {
            return new LinkedHashMap<>(pullAuths);
        }
    }

    public int maxConcurrentBuilds() {
        return maxBuilds.get();
    }

    public int maxConcurrentPulls() {
        return maxPulls.get();
    }

    // ---------------------------------------------------------------- Images

    @Override
    public String build(BuildSpec spec, Consumer<String> output) {
        builds.add(spec);
        enter(buildsRunning, maxBuilds);
        try {
            output.accept("Step 1/2 : FROM busybox:latest");
            output.accept(" ---> 0123456789ab");
            work();
            String failure;
            synchronized (this) {
                failure = buildFailures.get(key(spec.image()));
            }
            if (failure != null) {
                output.accept("Step 2/2 : RUN false");
                throw new ImageBuildException(spec.image(), 2, 2, "RUN false", failure, 1, null, null, List.of("Step 2/2 : RUN false"));
            }
            output.accept("Step 2/2 : CMD [\"true\"]");
            String id = newId();
            synchronized (this) {
                for (String tag : spec.tags()) {
                    put(tag, new ImageInfo(id, List.copyOf(spec.tags()), spec.labels(), "linux", "amd64", null));
                }
            }
            output.accept("Successfully built " + id.substring(7, 19));
            return id;
        } finally {
            buildsRunning.decrementAndGet();
        }
    }

    @Override
    public PullResult pull(String reference, String platform, RegistryAuth auth, Consumer<PullProgress> progress) {
        String ref = key(reference);
        pulls.add(ref);
        pullAuths.put(ref, auth);
        enter(pullsRunning, maxPulls);
        try {
            progress.accept(new PullProgress(null, "Pulling from " + ref, null, null, null));
            progress.accept(new PullProgress("abc123", "Downloading", "[=>   ]", 10L, 100L));
            work();
            String digest;
            String failure;
            synchronized (this) {
                digest = registry.get(ref);
                failure = pullFailures.get(ref);
            }
            if (failure != null) {
                throw new ImagePullException(ref, failure, failure.contains("unauthorized"));
            }
            if (digest == null) {
                throw new ImagePullException(ref, "manifest for " + ref + " not found: manifest unknown", false);
            }
            boolean updated;
            synchronized (this) {
                ImageInfo before = local.get(ref);
                updated = before == null || !digest.equals(before.labels().get("fake.digest"));
                if (updated) {
                    put(ref, new ImageInfo(newId(), List.of(ref), Map.of("fake.digest", digest), "linux", "amd64", null));
                }
            }
            progress.accept(new PullProgress(null, "Digest: " + digest, null, null, null));
            return new PullResult(ref, digest, updated);
        } finally {
            pullsRunning.decrementAndGet();
        }
    }

    @Override
    public synchronized void tag(String image, String reference) {
        ImageInfo info = inspect(image).orElseThrow(() -> new EngineException.NotFound("No such image: " + image, null));
        put(reference, info);
    }

    @Override
    public synchronized void remove(String image, boolean force) {
        if (local.remove(key(image)) == null) {
            throw new EngineException.NotFound("No such image: " + image, null);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void put(String reference, ImageInfo info) {
        local.put(key(reference), info);
    }

    private String newId() {
        return "sha256:" + String.format("%064x", ids.incrementAndGet());
    }

    private void work() {
        try {
            CountDownLatch g = gate;
            if (g != null && !g.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
            if (workMillis > 0) {
                Thread.sleep(workMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
    }

    private static void enter(AtomicInteger running, AtomicInteger max) {
        int now = running.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
    }

    /** "busybox" and "busybox:latest" are one image, as on the engine. */
    private static String key(String reference) {
        if (reference == null) {
            return null;
        }
        try {
            return ImageReference.parse(reference).familiar();
        } catch (ImageReferenceException e) {
            return reference;
        }
    }
}
