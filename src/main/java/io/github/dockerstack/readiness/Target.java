package io.github.dockerstack.readiness;

/**
 * A container to wait for.
 *
 * @param service its service
 * @param containerId its id
 * @param containerName its name, for messages
 * @param goal what it has to reach
 * @param restarts its restart policy restarts it after an exit, so an exit is not (yet) a failure
 */
public record Target(String service, String containerId, String containerName, Goal goal, boolean restarts) {
}
