package io.github.dockerstack.engine;

/**
 * What a pull did.
 *
 * @param reference the reference pulled, familiar form with its tag ("busybox:latest")
 * @param digest the manifest digest the registry served, or null when the engine did not say
 * @param updated true when the engine downloaded a newer image, false when it was up to date
 */
public record PullResult(String reference, String digest, boolean updated) {
}
