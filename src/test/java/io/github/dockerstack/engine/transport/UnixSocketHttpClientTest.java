package io.github.dockerstack.engine.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketHttpClientTest {
    private static final String JSON_ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"a\":1}\r\n";

    @TempDir
    Path dir;
    private ScriptedEngine engine;
    private UnixSocketHttpClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private void start(Function<ScriptedEngine.Received, ScriptedEngine.Reply> script, Duration timeout) throws IOException {
        Path socket = dir.resolve("engine.sock");
        engine = new ScriptedEngine(socket, script);
        client = new UnixSocketHttpClient(socket, timeout);
    }

    private static DockerHttpClient.Request get(String path) {
        return DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
    }

    @Test
    void aJsonAnswerReadToItsClosingBraceLeavesTheConnectionForTheNextRequest() throws IOException {
        start(r -> ScriptedEngine.Reply.of(JSON_ANSWER), Duration.ofSeconds(5));
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            try (DockerHttpClient.Response response = client.execute(get("/containers/x/json"))) {
                assertEquals(200, response.getStatusCode());
                assertEquals("application/json", response.getHeader("content-type"));
                assertEquals(1, json.readTree(response.getBody()).path("a").asInt()); // stops before the CRLF
            }
        }
        assertEquals(3, engine.received().size());
        assertEquals(1, engine.connections(), "one connection served all three");
        assertEquals("docker", engine.received().get(0).headers().get("Host"));
    }

    @Test
    void aChunkedAnswerIsAssembledAndItsLastChunkDrainedOnClose() throws IOException {
        start(r -> ScriptedEngine.Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
                Duration.ofSeconds(5));
        try (DockerHttpClient.Response response = client.execute(get("/a"))) {
            assertEquals("hello world", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (DockerHttpClient.Response response = client.execute(get("/b"))) {
            assertEquals('h', response.getBody().read()); // closed unread: the rest has arrived and is drained
        }
        try (DockerHttpClient.Response response = client.execute(get("/c"))) {
            assertEquals(200, response.getStatusCode());
        }
        assertEquals(1, engine.connections());
    }

    @Test
    void aBodyOfKnownLengthIsSentWithItsLengthAndAPostWithoutBodyWithZero() throws IOException {
        start(r -> ScriptedEngine.Reply.of("HTTP/1.1 204 No Content\r\n\r\n"), Duration.ofSeconds(5));
        byte[] body = "{\"Image\":\"busybox\"}".getBytes(StandardCharsets.UTF_8);
        try (DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path("/containers/create?name=x").headers(Map.of("Content-Type", "application/json")).bodyBytes(body).build())) {
            assertEquals(204, response.getStatusCode());
            assertEquals(-1, response.getBody().read());
        }
        try (DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path("/containers/x/start").build())) {
            assertEquals(204, response.getStatusCode());
        }
        ScriptedEngine.Received create = engine.received().get(0);
        assertEquals("/containers/create?name=x", create.path());
        assertEquals(String.valueOf(body.length), create.headers().get("Content-Length"));
        assertEquals("application/json", create.headers().get("Content-Type"));
        assertArrayEquals(body, create.body());
        assertEquals("0", engine.received().get(1).headers().get("Content-Length"));
        assertEquals(1, engine.connections());
    }

    @Test
    void aStreamedBodyGoesInChunks() throws IOException {
        start(r -> ScriptedEngine.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), Duration.ofSeconds(5));
        byte[] context = new byte[300_000];
        new Random(7).nextBytes(context);
        try (DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path("/build").body(new ByteArrayInputStream(context)).build())) {
            assertEquals("ok", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("chunked", engine.received().get(0).headers().get("Transfer-Encoding"));
        assertArrayEquals(context, engine.received().get(0).body());
    }

    @Test
    void aConnectionTheEngineClosedIsReplacedByANewOne() throws IOException {
        start(r -> new ScriptedEngine.Reply(JSON_ANSWER, ScriptedEngine.Then.CLOSE), Duration.ofSeconds(5));
        for (int i = 0; i < 2; i++) {
            try (DockerHttpClient.Response response = client.execute(get("/version"))) {
                response.getBody().readAllBytes();
            }
            sleepUntil(() -> engine.connections() == engine.received().size());
        }
        try (DockerHttpClient.Response response = client.execute(get("/version"))) {
            assertEquals(200, response.getStatusCode());
        }
        assertEquals(3, engine.connections());
    }

    @Test
    void aGetOnAReusedConnectionThatIsClosedUnansweredIsSentAgainOnANewOne() throws IOException {
        start(r -> r.connection() == 1 && engine.received().size() == 2 ? new ScriptedEngine.Reply("", ScriptedEngine.Then.CLOSE)
                : ScriptedEngine.Reply.of(JSON_ANSWER), Duration.ofSeconds(5));
        for (int i = 0; i < 2; i++) {
            try (DockerHttpClient.Response response = client.execute(get("/containers/json"))) {
                assertEquals(200, response.getStatusCode());
                response.getBody().readAllBytes();
            }
        }
        assertEquals(3, engine.received().size());
        assertEquals(2, engine.received().get(2).connection());
    }

    @Test
    void aPostOnAReusedConnectionThatIsClosedUnansweredIsNotSentTwice() throws IOException {
        start(r -> r.connection() == 1 && engine.received().size() == 2 ? new ScriptedEngine.Reply("", ScriptedEngine.Then.CLOSE)
                : ScriptedEngine.Reply.of(JSON_ANSWER), Duration.ofSeconds(5));
        try (DockerHttpClient.Response response = client.execute(get("/containers/json"))) {
            response.getBody().readAllBytes();
        }
        assertThrows(UncheckedIOException.class, () -> client.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/containers/x/start").build()));
        assertEquals(2, engine.received().size(), "the start was not repeated");
    }

    @Test
    void anAnswerThatSaysConnectionCloseIsNotReused() throws IOException {
        start(r -> ScriptedEngine.Reply.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"), Duration.ofSeconds(5));
        for (int i = 0; i < 2; i++) {
            try (DockerHttpClient.Response response = client.execute(get("/_ping"))) {
                assertEquals("ok", new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(2, engine.connections());
    }

    @Test
    void anEngineThatDoesNotAnswerTimesOut() throws IOException {
        start(r -> new ScriptedEngine.Reply("", ScriptedEngine.Then.HANG), Duration.ofMillis(300));
        long started = System.nanoTime();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> client.execute(get("/containers/json")));
        assertInstanceOf(SocketTimeoutException.class, e.getCause());
        assertTrue(e.getMessage().contains("did not answer within"), e.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void closingAStreamEndsTheReadWaitingOnItAtOnce() throws Exception {
        start(r -> new ScriptedEngine.Reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{}\n\r\n", ScriptedEngine.Then.HANG), null);
        DockerHttpClient.Response events = client.execute(get("/events"));
        InputStream body = events.getBody();
        assertEquals('{', body.read());
        CompletableFuture<Object> reader = CompletableFuture.supplyAsync(() -> {
            try {
                body.readAllBytes(); // waits for events that never come
                return "ended";
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(200);
        long started = System.nanoTime();
        events.close();
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1), "close does not wait for the reader");
        assertInstanceOf(IOException.class, reader.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aHeadAnswerHasNoBodyWhateverItsLength() throws IOException {
        start(r -> ScriptedEngine.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"), Duration.ofSeconds(5));
        try (DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder().method("HEAD")
                .path("/_ping").build())) {
            assertEquals(-1, response.getBody().read());
        }
        try (DockerHttpClient.Response response = client.execute(get("/_ping"))) {
            assertEquals(200, response.getStatusCode());
        }
        assertEquals(1, engine.connections());
    }

    @Test
    void anInterimAnswerIsSkipped() throws IOException {
        start(r -> ScriptedEngine.Reply.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"), Duration.ofSeconds(5));
        try (DockerHttpClient.Response response = client.execute(get("/x"))) {
            assertEquals(201, response.getStatusCode());
        }
    }

    @Test
    void aMissingSocketIsAnIoFailureNamingTheSocket() {
        client = new UnixSocketHttpClient(dir.resolve("absent.sock"), Duration.ofSeconds(1));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> client.execute(get("/_ping")));
        assertTrue(e.getMessage().contains("absent.sock"), e.getMessage());
    }

    @Test
    void attachingStdinIsRefused() throws IOException {
        start(r -> ScriptedEngine.Reply.of(JSON_ANSWER), Duration.ofSeconds(5));
        assertThrows(UnsupportedOperationException.class, () -> client.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/containers/x/attach?stdin=1")
                .hijackedInput(new ByteArrayInputStream(new byte[0])).build()));
        assertEquals(0, engine.connections());
    }

    private static void sleepUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
