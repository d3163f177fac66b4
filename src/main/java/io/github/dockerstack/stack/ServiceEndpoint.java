package io.github.dockerstack.stack;

import java.util.List;
import java.util.Map;

/**
 * @param service service name
 * @param containers its container names, in replica order
 * @param ports published ports of its first container: key "80" for tcp, "53/udp" otherwise; value the host port
 */
public record ServiceEndpoint(String service, List<String> containers, Map<String, Integer> ports) {
}
