package io.github.dockerstack.stack;

import java.time.Duration;
import java.util.List;

/**
 * One image built (or found up to date) for the project.
 *
 * @param service the service whose {@code build:} section was used
 * @param image the image name ({@code image:}, else {@code <project>-<service>})
 * @param imageId the image id ("sha256:...")
 * @param skipped true when the image already carried the hash of the current build inputs and nothing was sent to the engine
 * @param services every selected service that runs this image, the building one included
 * @param took how long it took
 */
public record BuiltImage(String service, String image, String imageId, boolean skipped, List<String> services, Duration took) {
    public BuiltImage {
        services = List.copyOf(services);
    }
}
