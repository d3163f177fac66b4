package io.github.dockerstack.model;

/**
 * A published or exposed port in the long syntax. {@code published} is a string because Compose
 * allows a range ("8000-8010") and an empty value means "an ephemeral host port".
 *
 * @param name optional human-readable name
 * @param mode "ingress" (default) or "host"
 * @param hostIp host address to bind, or null for all
 * @param target container port
 * @param published host port or range, or null for an ephemeral port
 * @param protocol "tcp" (default), "udp" or "sctp"
 * @param appProtocol optional application protocol hint
 */
public record Port(String name, String mode, String hostIp, int target, String published, String protocol, String appProtocol) {
}
