package io.github.dockerstack.model;

import java.util.List;
import java.util.Map;

/**
 * How to build a service's image.
 *
 * @param context absolute path of the build context (or a URL)
 * @param dockerfile Dockerfile path relative to the context, or null for "Dockerfile"
 * @param dockerfileInline Dockerfile content given inline, or null
 * @param args build arguments; a null value means "take it from the environment"
 * @param target multi-stage target, or null
 * @param labels image labels
 * @param cacheFrom images used as cache sources
 * @param network network mode during the build, or null
 * @param extraHosts extra host entries for the build, "host=ip"
 * @param shmSize /dev/shm size in bytes, or null
 * @param tags additional image tags
 * @param pull always try to pull a newer base image
 * @param platforms target platforms
 * @param noCache build every step without the engine's layer cache ({@code no_cache}), or null
 */
public record Build(String context, String dockerfile, String dockerfileInline, Map<String, String> args, String target,
                    Map<String, String> labels, List<String> cacheFrom, String network, List<String> extraHosts,
                    Long shmSize, List<String> tags, Boolean pull, List<String> platforms, Boolean noCache) {
    public Build {
        args = Maps.copy(args);
        labels = Maps.copy(labels);
        cacheFrom = Lists.copy(cacheFrom);
        extraHosts = Lists.copy(extraHosts);
        tags = Lists.copy(tags);
        platforms = Lists.copy(platforms);
    }

    public Build(String context, String dockerfile, String dockerfileInline, Map<String, String> args, String target,
                 Map<String, String> labels, List<String> cacheFrom, String network, List<String> extraHosts, Long shmSize,
                 List<String> tags, Boolean pull, List<String> platforms) {
        this(context, dockerfile, dockerfileInline, args, target, labels, cacheFrom, network, extraHosts, shmSize, tags, pull, platforms,
                null);
    }

    /** The same build with other arguments. */
    public Build withArgs(Map<String, String> newArgs) {
        return new Build(context, dockerfile, dockerfileInline, newArgs, target, labels, cacheFrom, network, extraHosts, shmSize, tags,
                pull, platforms, noCache);
    }
}
