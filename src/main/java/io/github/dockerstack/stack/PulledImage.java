package io.github.dockerstack.stack;

import java.time.Duration;
import java.util.List;

/**
 * One image pulled.
 *
 * @param reference the reference pulled, with its tag ("busybox:latest")
 * @param digest the manifest digest the registry served, or null when the engine did not say
 * @param updated true when a newer image was downloaded, false when the local one was up to date
 * @param services the selected services that run it
 * @param took how long the pull took
 */
public record PulledImage(String reference, String digest, boolean updated, List<String> services, Duration took) {
    public PulledImage {
        services = List.copyOf(services);
    }
}
