package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Talks to each service through the address docker-stack:up handed over. */
class StackIT {
    private static String host(String service) {
        return System.getProperty("docker-stack." + service + ".host");
    }

    private static int port(String service, String port) {
        return Integer.parseInt(System.getProperty("docker-stack." + service + ".port." + port));
    }

    @Test
    void httpServiceServesWhatTheInitServiceWrote() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + host("web") + ":" + port("web", "8080") + "/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("hello-from-init", r.body().trim());
    }

    @Test
    void tcpServiceAnswers() throws Exception {
        try (Socket s = new Socket(host("echo"), port("echo", "7000"));
             BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("pong", in.readLine());
        }
    }

    @Test
    void healthyRedisAnswersPing() throws Exception {
        try (Socket s = new Socket(host("redis"), port("redis", "6379"))) {
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("+PONG", in.readLine());
        }
    }
}
