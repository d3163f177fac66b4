package marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every app through the one nginx entry point, with the data of test_data.sql (PostgreSQL) and the
 * sessions and cache in Redis.
 */
@Timeout(60)
class MarketplaceIT {
    private static final String BASE = System.getProperty("marketplace.url");
    private static String token;

    @BeforeAll
    static void readToken() throws IOException {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(Path.of(".env"))) {
            env.load(in); // the token the stack's apps were given (plain KEY=value lines)
        }
        token = env.getProperty("DM_DATA_API_AUTH_TOKEN");
    }

    /** A browser: its own cookie jar, no redirects followed. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String path) throws IOException, InterruptedException {
        return browser().send(request(path).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nginxRoutesEachPathToItsApp() throws Exception {
        HttpClient client = browser();
        HttpResponse<String> api = get(client, "/api/_status");
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"services\": 5"), "api counts test_data.sql's services: " + api.body());
        assertEquals(200, get(client, "/_status").statusCode());
        assertEquals(200, get(client, "/suppliers/_status").statusCode());
        assertTrue(get(client, "/").body().contains("<h1>Digital Marketplace</h1>"), "buyer frontend at /");
        assertTrue(get(client, "/suppliers/login").body().contains("<form method=\"post\">"), "supplier frontend");
    }

    @Test
    void apiServesTestDataFromPostgresToTokenHolders() throws Exception {
        assertEquals(401, get(browser(), "/api/suppliers/700002").statusCode());

        HttpResponse<String> supplier = api("/api/suppliers/700002");
        assertEquals(200, supplier.statusCode());
        assertTrue(supplier.body().contains("\"name\": \"Ledgerline Software\""), supplier.body());
        assertTrue(supplier.body().contains("Casebook case management"), supplier.body());
        assertTrue(supplier.body().contains("Ledgerline purchase ledger"), supplier.body());
        assertEquals(404, api("/api/suppliers/799999").statusCode());
    }

    @Test
    void apiCachesResponsesInRedis() throws Exception {
        String path = "/api/services?q=storage&run=" + UUID.randomUUID(); // a key no one asked for yet
        HttpResponse<String> first = api(path);
        HttpResponse<String> second = api(path);
        assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""));
        assertEquals("HIT", second.headers().firstValue("X-Cache").orElse(""));
        assertEquals(first.body(), second.body());
        assertTrue(second.body().contains("Object storage (UK regions)"), second.body());
    }

    @Test
    void buyerSearchesAndReadsServicePages() throws Exception {
        HttpClient client = browser();
        HttpResponse<String> results = get(client, "/g-cloud/search?q=case");
        assertEquals(200, results.statusCode());
        assertTrue(results.body().contains("1 results for case"), results.body());
        assertTrue(results.body().contains("Casebook case management</a> by Ledgerline Software"), results.body());

        HttpResponse<String> service = get(client, "/g-cloud/services/100000000001");
        assertEquals(200, service.statusCode());
        assertTrue(service.body().contains("Supplier: Nimbus Hosting Ltd"), service.body());
        assertTrue(service.body().contains("Price: £0.12 per vCPU hour"), service.body());
        assertEquals(404, get(client, "/g-cloud/services/1").statusCode());
    }

    @Test
    void buyerSessionInRedisRemembersViewedServices() throws Exception {
        HttpClient client = browser();
        get(client, "/g-cloud/services/100000000001");
        get(client, "/g-cloud/services/100000000005");
        String home = get(client, "/").body();
        assertTrue(home.contains("Recently viewed: Discovery and alpha user research, Managed Kubernetes platform"), home);
        assertTrue(home.contains("Frameworks: Digital Outcomes and Specialists 5 (live), G-Cloud 12 (live), G-Cloud 13 (open)"), home);
        // another browser has its own session
        assertTrue(get(browser(), "/").body().contains("Recently viewed: nothing yet"));
    }

    @Test
    void supplierSignInIsSeenByTheBuyerFrontendThroughTheSharedSession() throws Exception {
        HttpClient client = browser();
        HttpResponse<String> anonymous = get(client, "/suppliers");
        assertEquals(302, anonymous.statusCode());
        assertEquals("/suppliers/login", anonymous.headers().firstValue("Location").orElse(""));

        assertEquals(403, login(browser(), "buyer@council.example").statusCode(), "a buyer is not a supplier");
        HttpResponse<String> login = login(client, "ops@nimbus.example");
        assertEquals(302, login.statusCode());
        assertTrue(login.headers().firstValue("Set-Cookie").orElse("").startsWith("dm_session="));

        String dashboard = get(client, "/suppliers").body();
        assertTrue(dashboard.contains("<h1>Nimbus Hosting Ltd</h1>"), dashboard);
        assertTrue(dashboard.contains("2 services:"), dashboard);
        assertTrue(dashboard.contains("Object storage (UK regions)"), dashboard);
        // the buyer frontend, another container, reads the same session from Redis
        assertTrue(get(client, "/").body().contains("Signed in as ops@nimbus.example"));
        assertFalse(get(browser(), "/").body().contains("Signed in as"));
    }

    private static HttpResponse<String> login(HttpClient client, String email) throws IOException, InterruptedException {
        return client.send(request("/suppliers/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + email.replace("@", "%40"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
