package io.github.dockerstack.build;

import io.github.dockerstack.model.Build;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.ContainerSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service's image build, resolved as Docker Compose resolves it for the classic builder.
 *
 * @param service service name
 * @param image the image name: {@code image:}, else {@code <project>-<service>}
 * @param context the context directory, absolute
 * @param dockerfile Dockerfile relative to the context (or absolute), or null for "Dockerfile"
 * @param dockerfileInline inline Dockerfile content, or null
 * @param args build args; a variable without value is taken from the project environment, or left out
 * @param target target stage, or null
 * @param labels image labels
 * @param tags all names of the image: {@link #image()} first, then {@code build.tags}
 * @param cacheFrom cache source images
 * @param network network of RUN steps, or null
 * @param extraHosts extra hosts as the engine takes them, "host:ip"
 * @param shmSize /dev/shm size in bytes, or null
 * @param pull always pull base images
 * @param noCache build without cache
 * @param platform platform, or null
 */
public record BuildPlan(String service, String image, Path context, String dockerfile, String dockerfileInline, Map<String, String> args,
                        String target, Map<String, String> labels, List<String> tags, List<String> cacheFrom, String network,
                        List<String> extraHosts, Long shmSize, boolean pull, boolean noCache, String platform) {
    public BuildPlan {
        args = copy(args);
        labels = copy(labels);
        tags = List.copyOf(tags);
        cacheFrom = List.copyOf(cacheFrom);
        extraHosts = List.copyOf(extraHosts);
    }

    /**
     * The build of {@code service}, which must have {@code build:}.
     *
     * @throws BuildException for a remote context or several platforms, which the classic builder cannot do
     */
    public static BuildPlan of(Project project, Service service) {
        Build build = service.build();
        if (build == null) {
            throw new IllegalArgumentException("service " + service.name() + " has no build section");
        }
        String at = "services." + service.name() + ".build";
        String context = build.context() == null ? "." : build.context();
        if (isRemote(context)) {
            throw new BuildException(at + ".context: " + context + " is a remote context (git or URL); the plugin builds local directories"
                    + " only. Clone it and point build.context at the directory.");
        }
        String platform = service.platform();
        if (platform == null && build.platforms().size() == 1) {
            platform = build.platforms().get(0);
        } else if (platform == null && build.platforms().size() > 1) {
            throw new BuildException(at + ".platforms: " + build.platforms() + " asks for a multi-platform build, which needs BuildKit; the"
                    + " plugin builds through docker-java with the engine's classic builder. Keep one platform.");
        }
        Map<String, String> args = new LinkedHashMap<>();
        build.args().forEach((k, v) -> {
            String value = v != null ? v : project.environment().get(k);
            if (value != null) { // unresolved: not sent, so the Dockerfile's default applies (as Compose)
                args.put(k, value);
            }
        });
        String image = ContainerSpecs.imageName(project, service);
        List<String> tags = new ArrayList<>();
        tags.add(image);
        build.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        // compose-go keeps extra hosts as "host=ip"; the engine wants "host:ip" (Compose joins them with ":" too)
        List<String> extraHosts = build.extraHosts().stream().map(h -> h.replaceFirst("=", ":")).toList();
        Path dir = Path.of(context);
        if (!dir.isAbsolute()) {
            dir = project.workingDir().resolve(dir);
        }
        return new BuildPlan(service.name(), image, dir.normalize(), build.dockerfile(), build.dockerfileInline(), args, build.target(),
                build.labels(), tags, build.cacheFrom(), build.network(), extraHosts, build.shmSize(), Boolean.TRUE.equals(build.pull()),
                false, platform);
    }

    /** The same build without cache (docker compose build --no-cache). */
    public BuildPlan withNoCache(boolean value) {
        return new BuildPlan(service, image, context, dockerfile, dockerfileInline, args, target, labels, tags, cacheFrom, network, extraHosts,
                shmSize, pull, value, platform);
    }

    /** The same build, pulling base images or not (docker compose build --pull). */
    public BuildPlan withPull(boolean value) {
        return new BuildPlan(service, image, context, dockerfile, dockerfileInline, args, target, labels, tags, cacheFrom, network, extraHosts,
                shmSize, value, noCache, platform);
    }

    /** How messages name the Dockerfile: its path, or the compose attribute of an inline one. */
    public String dockerfileDisplayName() {
        if (dockerfileInline != null) {
            return "services." + service + ".build.dockerfile_inline";
        }
        return context.resolve(dockerfile == null ? BuildContext.DEFAULT_DOCKERFILE : dockerfile).normalize().toString();
    }

    static boolean isRemote(String context) {
        return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
