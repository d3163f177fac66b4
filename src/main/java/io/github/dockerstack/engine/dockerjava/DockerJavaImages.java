package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import io.github.dockerstack.engine.BuildSpec;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ImageBuildException;
import io.github.dockerstack.engine.ImagePullException;
import io.github.dockerstack.engine.ImageReference;
import io.github.dockerstack.engine.Images;
import io.github.dockerstack.engine.PullProgress;
import io.github.dockerstack.engine.PullResult;
import io.github.dockerstack.engine.RegistryAuth;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Images} port over docker-java, sharing the connection of a {@link DockerJavaEngine}
 * (closing the engine closes it). Builds and pulls go over the engine's streaming client, which
 * has no response timeout: a RUN step may be silent for longer than any fixed limit.
 */
public final class DockerJavaImages implements Images {
    private static final Pattern PARSE_ERROR_LINE = Pattern.compile("(?i)(?:parse error|error parsing).*?\\bline (\\d+)");
    private static final Pattern NON_ZERO = Pattern.compile("returned a non-zero code: (\\d+)");
    private static final Pattern AUTH_FAILURE = Pattern.compile("(?i)unauthorized|authentication required|no basic auth credentials"
            + "|denied|incorrect username or password");
    private static final Pattern NOT_FOUND = Pattern.compile("(?i)manifest unknown|not found|does not exist|no such image");

    private final DockerJavaEngine engine;
    private final String address;

    private DockerJavaImages(DockerJavaEngine engine) {
        this.engine = engine;
        this.address = engine.address();
    }

    /** The images of the engine behind {@code engine}, over its connection; docker-java is set up on the first build or pull. */
    public static DockerJavaImages of(DockerJavaEngine engine) {
        return new DockerJavaImages(engine);
    }

    // ---------------------------------------------------------------- build

    @Override
    public String build(BuildSpec spec, Consumer<String> output) {
        String image = spec.image();
        BuildStream stream = new BuildStream(output);
        try (InputStream tar = spec.context().open()) {
            BuildImageCmd cmd = buildCommand(spec, tar);
            StreamCallback<BuildResponseItem> callback = new StreamCallback<>(stream);
            try {
                cmd.exec(callback);
            } catch (RuntimeException e) {
                throw buildRefused(spec, stream, e);
            }
            Throwable failure = callback.await("the build of " + image);
            stream.finish();
            if (failure != null) {
                throw buildRefused(spec, stream, failure);
            }
        } catch (IOException e) {
            throw new EngineException("Cannot read the build context of " + image + ": " + e.getMessage(), e);
        }
        if (stream.error() != null) {
            String message = stream.error();
            Matcher code = NON_ZERO.matcher(message);
            Integer exit = code.find() ? Integer.valueOf(code.group(1)) : stream.errorCode();
            throw new ImageBuildException(image, stream.stepNumber(), stream.stepCount(), stream.step(), message, exit, null,
                    parseErrorLine(message), stream.tail());
        }
        String id = stream.builtId();
        String reference = image != null ? image : id;
        if (reference == null) {
            throw new EngineException("The engine ended the build of " + image + " without an image id (" + address + ").");
        }
        InspectImageResponse built = call("inspect built image " + reference, () -> engine.client().inspectImageCmd(reference).exec());
        return built.getId();
    }

    private BuildImageCmd buildCommand(BuildSpec spec, InputStream tar) {
        // rm and forcerm: docker build's defaults; docker-java would otherwise leave intermediate containers
        BuildImageCmd cmd = engine.streamingClient().buildImageCmd(tar).withRemove(true).withForcerm(true).withPull(spec.pull())
                .withNoCache(spec.noCache());
        if (spec.dockerfile() != null) {
            cmd.withDockerfilePath(spec.dockerfile());
        }
        spec.args().forEach((k, v) -> {
            if (v != null) {
                cmd.withBuildArg(k, v);
            }
        });
        if (spec.target() != null) {
            cmd.withTarget(spec.target());
        }
        if (!spec.labels().isEmpty()) {
            cmd.withLabels(spec.labels());
        }
        if (!spec.tags().isEmpty()) {
            cmd.withTags(new LinkedHashSet<>(spec.tags()));
        }
        if (!spec.cacheFrom().isEmpty()) {
            cmd.withCacheFrom(new LinkedHashSet<>(spec.cacheFrom()));
        }
        if (spec.networkMode() != null) {
            cmd.withNetworkMode(spec.networkMode());
        }
        if (!spec.extraHosts().isEmpty()) {
            cmd.withExtraHosts(new LinkedHashSet<>(spec.extraHosts()));
        }
        if (spec.shmSize() != null) {
            cmd.withShmsize(spec.shmSize());
        }
        if (spec.platform() != null) {
            cmd.withPlatform(spec.platform());
        }
        // always set: an empty set keeps docker-java from sending every auth of ~/.docker/config.json
        AuthConfigurations auths = new AuthConfigurations();
        spec.registryAuths().values().forEach(a -> auths.addConfig(authConfig(a)));
        cmd.withBuildAuthConfigs(auths);
        return cmd;
    }

    /**
     * A build the engine refused before or while streaming: a bad Dockerfile or option (400), a
     * missing Dockerfile or target (400/500), or a connection problem.
     */
    private RuntimeException buildRefused(BuildSpec spec, BuildStream stream, Throwable failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new EngineException("Interrupted while building " + spec.image(), failure);
        }
        if (failure instanceof DockerException docker) {
            String message = Errors.engineMessage(docker);
            int status = docker.getHttpStatus();
            // 400: a parse error, an unknown target or option; 500 with these words: a missing Dockerfile
            if (status == 400 || status == 500 && isDockerfileProblem(message)) {
                return new ImageBuildException(spec.image(), stream.stepNumber(), stream.stepCount(), stream.step(), message, null, null,
                        parseErrorLine(message), stream.tail());
            }
        }
        RuntimeException runtime = failure instanceof RuntimeException re ? re : new EngineException("build: " + failure, failure);
        return Errors.translate("build image " + spec.image(), runtime, address);
    }

    private static boolean isDockerfileProblem(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("dockerfile") || m.contains("build target") || m.contains("forbidden path") || m.contains("no source files");
    }

    private static Integer parseErrorLine(String message) {
        Matcher m = PARSE_ERROR_LINE.matcher(message);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    // ---------------------------------------------------------------- pull

    @Override
    public PullResult pull(String reference, String platform, RegistryAuth auth, Consumer<PullProgress> progress) {
        ImageReference ref = ImageReference.parse(reference);
        String familiar = ref.familiar();
        PullStream stream = new PullStream(progress);
        PullImageCmd cmd = call("pull " + familiar, () -> engine.streamingClient().pullImageCmd(ref.familiarRepository()))
                .withTag(ref.tagOrDigest())
                .withAuthConfig(auth == null ? null : authConfig(auth)); // null: anonymous, not docker-java's guess from config.json
        if (platform != null) {
            cmd.withPlatform(platform);
        }
        StreamCallback<PullResponseItem> callback = new StreamCallback<>(stream);
        Throwable failure;
        try {
            cmd.exec(callback);
            failure = callback.await("the pull of " + familiar);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while pulling " + familiar, failure);
        }
        if (failure != null) {
            throw pullFailed(familiar, Errors.engineMessage(failure), failure);
        }
        if (stream.error() != null) {
            throw pullFailed(familiar, stream.error(), null);
        }
        return new PullResult(familiar, stream.digest(), stream.updated());
    }

    private RuntimeException pullFailed(String reference, String message, Throwable cause) {
        if (AUTH_FAILURE.matcher(message).find()) {
            return new ImagePullException(reference, message, true);
        }
        if (NOT_FOUND.matcher(message).find() && !message.contains("dial tcp")) {
            return new ImagePullException(reference, message, false);
        }
        if (cause instanceof RuntimeException re && !(cause instanceof DockerException)) {
            return Errors.translate("pull " + reference, re, address);
        }
        return new EngineException("Pulling " + reference + " failed: " + message, cause);
    }

    // ---------------------------------------------------------------- tag, remove

    @Override
    public void tag(String image, String reference) {
        ImageReference ref = ImageReference.parse(reference);
        if (ref.digest() != null) {
            throw new EngineException("Cannot tag " + image + " as " + reference + ": a name with a digest cannot be given, only a tag.");
        }
        call("tag " + image + " as " + reference, () -> {
            engine.client().tagImageCmd(image, ref.familiarRepository(), ref.tagOrDigest()).withForce(true).exec();
            return null;
        });
    }

    @Override
    public void remove(String image, boolean force) {
        call("remove image " + image, () -> {
            engine.client().removeImageCmd(image).withForce(force).exec();
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    static AuthConfig authConfig(RegistryAuth auth) {
        AuthConfig config = new AuthConfig().withRegistryAddress(auth.serverAddress());
        if (auth.username() != null) {
            config.withUsername(auth.username());
        }
        if (auth.password() != null) {
            config.withPassword(auth.password());
        }
        if (auth.identityToken() != null) {
            config.withIdentityToken(auth.identityToken());
        }
        if (auth.registryToken() != null) {
            config.withRegistrytoken(auth.registryToken());
        }
        return config;
    }

    private <T> T call(String operation, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (BadRequestException e) {
            throw new EngineException(operation + ": " + Errors.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw Errors.translate(operation, e, address);
        }
    }

    /** Reads pull messages: progress for the caller, the digest, "Downloaded newer image" and errors. */
    private static final class PullStream implements Consumer<PullResponseItem> {
        private static final Pattern DIGEST = Pattern.compile("^Digest: (\\S+)");
        private final Consumer<PullProgress> progress;
        private volatile String digest;
        private volatile boolean updated;
        private volatile String error;

        PullStream(Consumer<PullProgress> progress) {
            this.progress = progress;
        }

        @Override
        public void accept(PullResponseItem item) {
            if (item.isErrorIndicated()) {
                if (error == null) {
                    error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null ? item.getErrorDetail().getMessage()
                            : item.getError();
                }
                return;
            }
            String status = item.getStatus();
            if (status == null) {
                return;
            }
            Matcher m = DIGEST.matcher(status);
            if (m.find()) {
                digest = m.group(1);
            }
            if (status.startsWith("Status: Downloaded newer image")) {
                updated = true;
            }
            Long current = item.getProgressDetail() != null ? item.getProgressDetail().getCurrent() : null;
            Long total = item.getProgressDetail() != null ? item.getProgressDetail().getTotal() : null;
            progress.accept(new PullProgress(item.getId(), status, item.getProgress(), current, total));
        }

        String digest() {
            return digest;
        }

        boolean updated() {
            return updated;
        }

        String error() {
            return error;
        }
    }

}
