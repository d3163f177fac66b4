package ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole stack: the backend is published on the host; redis, postgres and mongo are reached by service name from
 * the backend, and nothing of them is published on the host.
 */
@Tag("full-stack")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FullStackIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyServiceRunsAndOnlyTheBackendIsPublished() {
        assertEquals(Set.of("backend", "mongo", "postgres", "redis"), StackProperties.services());
        assertEquals(Set.of("3000"), StackProperties.publishedPorts("backend"));
        assertEquals(Set.of(), StackProperties.publishedPorts("redis"), "expose: is not a published port");
        assertEquals(Set.of(), StackProperties.publishedPorts("postgres"), "the image's EXPOSE is not a published port");
        assertEquals(Set.of(), StackProperties.publishedPorts("mongo"));
    }

    @Test
    void backendAnswersOnTheHost() throws Exception {
        assertEquals("ok", backend("/health").getProperty("status"));
    }

    @Test
    void backendReachesRedisByServiceNameButTheHostDoesNot() throws Exception {
        Properties redis = backend("/redis");
        assertEquals("redis:6379", redis.getProperty("address"));
        String token = redis.getProperty("token");
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        assertTrue(Long.parseLong(redis.getProperty("hits")) >= 1);
        // `redis-cli -p 6379` from the host: whatever answers there (normally nothing) is not this stack's redis
        assertNotEquals(token, redisGetOnTheHost(StackProperties.host("redis"), "ports-example:token"),
                "the host's port 6379 answered with the stack's redis");
    }

    @Test
    void backendReachesPostgresByServiceNameButTheHostDoesNot() throws Exception {
        Properties postgres = backend("/postgres");
        assertEquals("postgres:5432", postgres.getProperty("address"));
        assertTrue(postgres.getProperty("version").startsWith("15."), postgres.getProperty("version"));
        assertTrue(Long.parseLong(postgres.getProperty("rows")) >= 1);
        assertEquals(0, visitsOnTheHost(StackProperties.host("postgres"), postgres.getProperty("token")),
                "the host's port 5432 reached the stack's postgres");
    }

    @Test
    void backendReachesMongoByServiceNameButTheHostDoesNot() throws Exception {
        Properties mongo = backend("/mongo");
        assertEquals("mongo:27017", mongo.getProperty("address"));
        String token = mongo.getProperty("token");
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        int status;
        try {
            URI doc = URI.create("http://" + StackProperties.host("mongo") + ":27017/docs/" + token);
            status = HTTP.send(HttpRequest.newBuilder(doc).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException nothingListens) {
            status = -1;
        }
        assertNotEquals(200, status, "the host's port 27017 reached the stack's mongo");
    }

    /** GET on the backend through its published port; its key=value answer. */
    private static Properties backend(String path) throws Exception {
        URI uri = URI.create("http://" + StackProperties.host("backend") + ":" + StackProperties.port("backend", 3000) + path);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Properties p = new Properties();
        p.load(new StringReader(r.body()));
        return p;
    }

    /** GET key on host:6379 by hand (RESP); null when nothing there answers like redis. */
    private static String redisGetOnTheHost(String host, String key) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, 6379), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String header = in.readLine();
            return header != null && header.startsWith("$") && !header.equals("$-1") ? in.readLine() : null;
        } catch (IOException nothingAnswers) {
            return null;
        }
    }

    /** Rows with the token in the visits table of whatever postgres answers on host:5432 with the stack's credentials. */
    private static int visitsOnTheHost(String host, String token) {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("password", "example");
        login.setProperty("connectTimeout", "2");
        login.setProperty("socketTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", login);
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM visits WHERE token = ?")) {
            q.setString(1, token);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException refusedOrNotOurs) {
            return 0;
        }
    }
}
