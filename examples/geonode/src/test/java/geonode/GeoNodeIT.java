package geonode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives the GeoNode stack from outside, as a browser and a developer's psql would: through the geonode
 * nginx to django, which queues the work on RabbitMQ for the celery worker, which writes to PostgreSQL.
 */
@Timeout(120)
class GeoNodeIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The worker is asynchronous: how long a queued layer may take to show up. */
    private static final Duration WORKER_DEADLINE = Duration.ofSeconds(60);

    private static String geonode(String path) {
        return System.getProperty("geonode.url") + path;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(geonode(path))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Uploads a layer of three points through nginx; returns its typename. */
    private static String uploadLayer(String name) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + name + "\",\"points\":[[12.5,41.9],[9.19,45.46],[14.27,40.85]]}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(geonode("/api/layers")))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Server").orElse("").startsWith("nginx"), "answered through nginx");
        assertTrue(r.body().contains("\"queue\": \"geonode.layers\""), "queued on the queue .env names: " + r.body());
        return "geonode:" + name;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1).replace("\"", "");
    }

    @Test
    void layerUploadedThroughNginxIsProcessedByTheWorker() throws Exception {
        String typename = uploadLayer("rivers-" + UUID.randomUUID());

        Instant deadline = Instant.now().plus(WORKER_DEADLINE);
        HttpResponse<String> layer = get("/api/layers/" + typename);
        while (layer.statusCode() == 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // polling the asynchronous worker, not waiting for the stack
            layer = get("/api/layers/" + typename);
        }
        assertEquals(200, layer.statusCode(), "layer stored by the worker within " + WORKER_DEADLINE + ": " + layer.body());
        String json = layer.body();
        assertEquals(typename, field(json, "typename"));
        assertEquals(9.19, Double.parseDouble(field(json, "minx")));
        assertEquals(40.85, Double.parseDouble(field(json, "miny")));
        assertEquals(14.27, Double.parseDouble(field(json, "maxx")));
        assertEquals(45.46, Double.parseDouble(field(json, "maxy")));
        assertEquals("3", field(json, "pointCount"));
        // the worker, not django, wrote it
        String worker = field(json, "processedBy");
        assertTrue(worker.startsWith("worker@"), worker);
        assertNotEquals("worker@" + field(get("/health").body(), "host"), worker);
    }

    @Test
    void workerWritesTheLayerIntoPostgres() throws Exception {
        String typename = uploadLayer("roads-" + UUID.randomUUID());
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(Path.of(".env"))) {
            env.load(in); // the credentials the stack was started with (plain KEY=value lines)
        }
        // the db port that docker-compose.override.yml publishes for developers
        String url = "jdbc:postgresql://" + System.getProperty("db.address") + "/" + env.getProperty("GEONODE_DATABASE");
        try (Connection db = DriverManager.getConnection(url,
                env.getProperty("GEONODE_DATABASE_USER"), env.getProperty("GEONODE_DATABASE_PASSWORD"));
             PreparedStatement q = db.prepareStatement(
                     "SELECT point_count, maxy, processed_by FROM layers WHERE typename = ?")) {
            q.setString(1, typename);
            Instant deadline = Instant.now().plus(WORKER_DEADLINE);
            while (true) {
                try (ResultSet row = q.executeQuery()) {
                    if (row.next()) {
                        assertEquals(3, row.getInt("point_count"));
                        assertEquals(45.46, row.getDouble("maxy"));
                        assertTrue(row.getString("processed_by").startsWith("worker@"));
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    fail(typename + " not in the layers table within " + WORKER_DEADLINE);
                }
                Thread.sleep(200); // polling the asynchronous worker
            }
        }
    }

    @Test
    void dataDirWasPreparedOnceBeforeDjangoStarted() throws Exception {
        HttpResponse<String> r = get("/api/datadir");
        assertEquals(200, r.statusCode());
        String json = r.body();
        // what data-dir-conf made of the template and .env, read by django at its start
        assertTrue(json.contains("\"workspaces\": [\"geonode\"]"), json);
        assertEquals("http://localhost/geoserver/", field(json, "proxyBaseUrl"));
        // one run: up started the init service once and nothing restarted it
        Matcher runs = Pattern.compile("\"run [^\"]+\"").matcher(json);
        assertTrue(runs.find(), json);
        assertTrue(!runs.find(), "data-dir-conf ran more than once: " + json);
        // up waited: the init's last step (the marker) is older than django's start
        long initialized = Long.parseLong(field(json, "initializedAtMillis"));
        long djangoStarted = Long.parseLong(field(json, "djangoStartedAtMillis"));
        assertTrue(initialized <= djangoStarted,
                "data dir completed at " + initialized + ", django started at " + djangoStarted);
    }
}
