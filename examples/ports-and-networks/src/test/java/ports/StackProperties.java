package ports;

import java.util.Set;
import java.util.TreeSet;

/** What docker-stack:up handed over (failsafe turns target/docker-stack/ports-example.properties into system properties). */
final class StackProperties {
    private static final String PREFIX = "docker-stack.";

    private StackProperties() {
    }

    /** The services that run: up writes docker-stack.<service>.host for each, published ports or not. */
    static Set<String> services() {
        Set<String> services = new TreeSet<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(PREFIX) && key.endsWith(".host")) {
                services.add(key.substring(PREFIX.length(), key.length() - ".host".length()));
            }
        }
        return services;
    }

    /** The container ports of a service that are published on the host. */
    static Set<String> publishedPorts(String service) {
        String prefix = PREFIX + service + ".port.";
        Set<String> ports = new TreeSet<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> ports.add(k.substring(prefix.length())));
        return ports;
    }

    static String host(String service) {
        String host = System.getProperty(PREFIX + service + ".host");
        if (host == null) {
            throw new AssertionError("no " + PREFIX + service + ".host: the service does not run (running: " + services() + ")");
        }
        return host;
    }

    static int port(String service, int containerPort) {
        String port = System.getProperty(PREFIX + service + ".port." + containerPort);
        if (port == null) {
            throw new AssertionError("no " + PREFIX + service + ".port." + containerPort + ": not published");
        }
        return Integer.parseInt(port);
    }
}
