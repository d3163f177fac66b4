package io.github.dockerstack.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine reports it.
 *
 * @param id container id
 * @param name name, without the leading slash
 * @param image the image reference it was created with
 * @param imageId id of its image
 * @param labels labels
 * @param state "created", "running", "paused", "restarting", "removing", "exited" or "dead"
 * @param health "starting", "healthy" or "unhealthy"; null without a healthcheck
 * @param healthcheck whether it has a healthcheck (its own or its image's, not disabled); null when
 *                    not known (a container list does not say)
 * @param exitCode exit code (meaningful once exited), or null
 * @param ports published ports (only while it runs); a container port published on several host
 *              addresses (IPv4 and IPv6) appears once per address
 * @param networks attachments by network name
 * @param mounts mounts
 */
public record ContainerInfo(String id, String name, String image, String imageId, Map<String, String> labels, String state, String health,
                            Boolean healthcheck, Integer exitCode, List<PublishedPort> ports, Map<String, Attachment> networks,
                            List<MountInfo> mounts) {
    public ContainerInfo {
        labels = Copies.map(labels);
        ports = Copies.list(ports);
        networks = Copies.map(networks);
        mounts = Copies.list(mounts);
    }

    public boolean running() {
        return "running".equals(state);
    }

    public String label(String key) {
        return labels.get(key);
    }

    /** The first host port published for {@code containerPort/protocol}, preferring an IPv4 binding. */
    public Optional<PublishedPort> published(int containerPort, String protocol) {
        return ports.stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol().equals(protocol))
                .min((a, b) -> Boolean.compare(a.ipv6(), b.ipv6()));
    }

    /**
     * A published port.
     *
     * @param containerPort port inside the container
     * @param protocol "tcp", "udp" or "sctp"
     * @param hostIp host address it is bound to ("0.0.0.0", "::", ...)
     * @param hostPort port on the host
     */
    public record PublishedPort(int containerPort, String protocol, String hostIp, int hostPort) {
        public boolean ipv6() {
            return hostIp != null && hostIp.contains(":");
        }
    }

    /** An attachment to a network: its id, the container's addresses and aliases there. */
    public record Attachment(String networkId, String ipv4Address, String ipv6Address, List<String> aliases) {
        public Attachment {
            aliases = Copies.list(aliases);
        }
    }

    /**
     * A mount.
     *
     * @param type "bind", "volume" or "tmpfs"
     * @param name volume name (volumes), or null
     * @param source host path
     * @param destination path in the container
     * @param readWrite mounted read-write
     */
    public record MountInfo(String type, String name, String source, String destination, boolean readWrite) {
    }
}
