package io.github.dockerstack.examples.offpro;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Predicate;

/** The backends and frontends as the tests reach them: their addresses come from the up goals' properties. */
final class Api {
    static final String OFF_BACKEND = System.getProperty("off.backend.url");
    static final String OFF_FRONTEND = System.getProperty("off.frontend.url");
    static final String PRO_BACKEND = System.getProperty("pro.backend.url");
    static final String PRO_FRONTEND = System.getProperty("pro.frontend.url");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body) {
        /** The backend answers in key=value lines. */
        Properties fields() {
            Properties p = new Properties();
            try {
                p.load(new StringReader(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }
    }

    private Api() {
    }

    static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Reply post(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static Reply put(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET until the answer passes (a minion works asynchronously), or fail at the deadline with the last answer. */
    static Reply poll(String url, Predicate<Reply> done, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Reply last = get(url);
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no answer from " + url + " passed within " + within + "; last: " + last);
            }
            Thread.sleep(100);
            last = get(url);
        }
        return last;
    }

    /** Every property an up goal wrote for a project (target/docker-stack/PROJECT.properties). */
    static Properties stackProperties(String project) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(System.getProperty("stack.properties.dir"), project + ".properties"))) {
            p.load(in);
        }
        return p;
    }
}
