package io.github.dockerstack.stack;

import java.time.Duration;
import java.util.Map;

/**
 * @param project project name
 * @param images by the service that builds it, each image once (sorted by service)
 * @param took how long the call took
 */
public record BuildResult(String project, Map<String, BuiltImage> images, Duration took) {
    public BuildResult {
        images = Map.copyOf(images);
    }
}
