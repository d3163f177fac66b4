package io.github.dockerstack.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param project project name
 * @param images pulled images by the first service (by name) that uses them
 * @param skipped services whose image was not pulled, with the reason ("no image: it is built", "pull_policy never", ...)
 * @param mustBuild services whose image could not be pulled but can be built ({@code docker-stack:build})
 * @param took how long the call took
 */
public record PullResult(String project, Map<String, PulledImage> images, Map<String, String> skipped, List<String> mustBuild,
                         Duration took) {
    public PullResult {
        images = Map.copyOf(images);
        skipped = Map.copyOf(skipped);
        mustBuild = List.copyOf(mustBuild);
    }
}
