package io.github.dockerstack.stack;

import java.util.List;

/**
 * @param service service name
 * @param container container name
 * @param state "running", "exited", ...
 * @param health "healthy", "unhealthy", "starting", or "" without a healthcheck
 * @param ports published ports, like "127.0.0.1:49153->80/tcp" or "[::]:49153->80/tcp"
 */
public record PsRow(String service, String container, String state, String health, List<String> ports) {
}
