package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Both services run the image docker-stack:build made in package: the page holds the build arg. */
class BuiltImageIT {
    private static String get(String service) throws Exception {
        String url = "http://" + System.getProperty("docker-stack." + service + ".host") + ":"
                + System.getProperty("docker-stack." + service + ".port.8080") + "/index.html";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body().trim();
    }

    @Test
    void webServesThePageTheBuildWrote() throws Exception {
        assertEquals("built-by-docker-stack", get("web"));
    }

    @Test
    void theServiceSharingTheImageServesItToo() throws Exception {
        assertEquals("built-by-docker-stack", get("mirror"));
    }
}
