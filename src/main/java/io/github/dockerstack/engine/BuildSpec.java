package io.github.dockerstack.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One image build for the engine's classic builder (the {@code /build} API, which is what
 * docker-java speaks; BuildKit needs the gRPC session API it lacks). Collections are never null;
 * other absent values are null. Build with {@link #builder(ContextTar)}.
 *
 * @param context the build context as an uncompressed or gzipped tar
 * @param dockerfile the Dockerfile's path inside the context, or null for "Dockerfile"
 * @param args build arguments (null values are dropped: the Dockerfile's default applies)
 * @param target the stage to build, or null for the last one
 * @param labels labels added to the image
 * @param tags names the image gets ("app:latest"); the first is the one reported
 * @param cacheFrom images the builder may take cached layers from
 * @param networkMode network of RUN steps ("default", "host", "none", a network name), or null
 * @param extraHosts extra /etc/hosts entries of RUN steps, as "host:ip"
 * @param shmSize /dev/shm size of RUN steps in bytes, or null
 * @param pull always try to pull newer base images
 * @param noCache build every step, using no cached layer
 * @param platform target platform ("linux/amd64"), or null for the engine's
 * @param registryAuths credentials for pulling base images, by registry server address
 */
public record BuildSpec(ContextTar context, String dockerfile, Map<String, String> args, String target, Map<String, String> labels,
                        List<String> tags, List<String> cacheFrom, String networkMode, List<String> extraHosts, Long shmSize, boolean pull,
                        boolean noCache, String platform, Map<String, RegistryAuth> registryAuths) {
    public BuildSpec {
        Objects.requireNonNull(context, "context");
        args = Copies.map(args);
        labels = Copies.map(labels);
        tags = Copies.list(tags);
        cacheFrom = Copies.list(cacheFrom);
        extraHosts = Copies.list(extraHosts);
        registryAuths = Copies.map(registryAuths);
    }

    public static Builder builder(ContextTar context) {
        return new Builder(context);
    }

    /** The first tag, or null. */
    public String image() {
        return tags.isEmpty() ? null : tags.get(0);
    }

    /** Opens the context tar; each build reads it once. */
    @FunctionalInterface
    public interface ContextTar {
        InputStream open() throws IOException;

        /** A tar file on disk. */
        static ContextTar file(Path tar) {
            return () -> Files.newInputStream(tar);
        }
    }

    /** A mutable builder. */
    public static final class Builder {
        private final ContextTar context;
        private String dockerfile;
        private final Map<String, String> args = new LinkedHashMap<>();
        private String target;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<String> tags = new ArrayList<>();
        private final List<String> cacheFrom = new ArrayList<>();
        private String networkMode;
        private final List<String> extraHosts = new ArrayList<>();
        private Long shmSize;
        private boolean pull;
        private boolean noCache;
        private String platform;
        private final Map<String, RegistryAuth> registryAuths = new LinkedHashMap<>();

        private Builder(ContextTar context) {
            this.context = context;
        }

        public Builder dockerfile(String value) {
            dockerfile = value;
            return this;
        }

        public Builder arg(String name, String value) {
            args.put(name, value);
            return this;
        }

        public Builder args(Map<String, String> values) {
            args.putAll(values);
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.putAll(values);
            return this;
        }

        public Builder tag(String value) {
            if (!tags.contains(value)) {
                tags.add(value);
            }
            return this;
        }

        public Builder tags(List<String> values) {
            values.forEach(this::tag);
            return this;
        }

        public Builder cacheFrom(List<String> values) {
            cacheFrom.addAll(values);
            return this;
        }

        public Builder networkMode(String value) {
            networkMode = value;
            return this;
        }

        public Builder extraHosts(List<String> values) {
            extraHosts.addAll(values);
            return this;
        }

        public Builder shmSize(Long value) {
            shmSize = value;
            return this;
        }

        public Builder pull(boolean value) {
            pull = value;
            return this;
        }

        public Builder noCache(boolean value) {
            noCache = value;
            return this;
        }

        public Builder platform(String value) {
            platform = value;
            return this;
        }

        public Builder registryAuth(RegistryAuth auth) {
            registryAuths.put(auth.serverAddress(), auth);
            return this;
        }

        public BuildSpec build() {
            return new BuildSpec(context, dockerfile, args, target, labels, tags, cacheFrom, networkMode, extraHosts, shmSize, pull, noCache,
                    platform, registryAuths);
        }
    }
}
