package citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The addresses docker-stack:up handed over (target/docker-stack/<project>.properties, as system properties). */
final class Stack {
    private static final String PREFIX = "docker-stack.";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Stack() {
    }

    static String project() {
        return System.getProperty(PREFIX + "project");
    }

    /** Service -> its published container ports, for every service that runs (up writes .host for each). */
    static TreeMap<String, Set<String>> published() {
        TreeMap<String, Set<String>> services = new TreeMap<>();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(PREFIX) && key.endsWith(".host")) {
                services.put(key.substring(PREFIX.length(), key.length() - ".host".length()), new TreeSet<>());
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            int at = key.indexOf(".port.");
            if (key.startsWith(PREFIX) && at > 0) {
                services.computeIfAbsent(key.substring(PREFIX.length(), at), s -> new TreeSet<>()).add(key.substring(at + 6));
            }
        }
        return services;
    }

    static String host(String service) {
        return required(PREFIX + service + ".host");
    }

    static int port(String service, int containerPort) {
        return Integer.parseInt(required(PREFIX + service + ".port." + containerPort));
    }

    static String url(String service, int containerPort, String path) {
        return "http://" + host(service) + ":" + port(service, containerPort) + path;
    }

    static HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r;
    }

    static HttpResponse<String> post(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r;
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new AssertionError("no " + key + " (handed over: " + published() + ")");
        }
        return value;
    }
}
