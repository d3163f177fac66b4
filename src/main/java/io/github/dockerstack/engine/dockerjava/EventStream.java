package io.github.dockerstack.engine.dockerjava;

import static io.github.dockerstack.engine.dockerjava.JsonTrees.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.EngineEvent;
import io.github.dockerstack.engine.EngineException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine's container events ({@code GET /events}), read as JSON trees on a daemon thread and
 * handed to a listener. {@link #open} returns once the engine has answered the request, so no later
 * event is missed. Reading the stream directly rather than through docker-java's events command
 * spares a goal's fresh JVM the set-up of docker-java's event model and callback threads.
 */
final class EventStream implements Closeable {
    private final DockerHttpClient.Response response;
    private final Consumer<EngineEvent> listener;
    private final Consumer<EngineException> onError;
    private final String address;
    private volatile boolean closed;

    private EventStream(DockerHttpClient.Response response, Consumer<EngineEvent> listener, Consumer<EngineException> onError,
                        String address) {
        this.response = response;
        this.listener = listener;
        this.onError = onError;
        this.address = address;
    }

    /**
     * Subscribes to the container events of the labelled containers (all containers when there are no labels).
     *
     * @param http a transport without response timeout: the stream may stay quiet for long
     */
    static EventStream open(DockerHttpClient http, Map<String, String> labels, Consumer<EngineEvent> listener,
                            Consumer<EngineException> onError, String address) {
        String path = "/events?" + EngineRequests.filters(labels, "container");
        DockerHttpClient.Response response = EngineRequests.send(http, path);
        if (response.getStatusCode() != 200) {
            byte[] body;
            try (InputStream in = response.getBody()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                body = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
            } finally {
                response.close();
            }
            throw EngineRequests.failure("subscribe to events", response.getStatusCode(), body);
        }
        EventStream stream = new EventStream(response, listener, onError, address);
        Thread reader = new Thread(stream::read, "docker-stack-events");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private void read() {
        try (InputStream body = response.getBody(); JsonParser parser = JsonTrees.FACTORY.createParser(body)) {
            while (!closed && parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode event = JsonTrees.value(parser);
                if (!closed) {
                    deliver(convert(event));
                }
            }
            if (!closed) {
                closed = true;
                onError.accept(new EngineException("The engine ended the event stream (" + address + ")."));
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                closed = true;
                onError.accept(Errors.translate("event stream", e instanceof RuntimeException re ? re : new java.io.UncheckedIOException(
                        (IOException) e), address));
            }
        } finally {
            response.close();
        }
    }

    private void deliver(EngineEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            onError.accept(new EngineException("An event listener failed on " + event.action() + " of " + event.id() + ": " + e, e));
        }
    }

    @Override
    public void close() {
        closed = true;
        response.close(); // ends the reader's blocked read
    }

    static EngineEvent convert(JsonNode event) {
        String action = text(event.path("Action"));
        if (action == null) {
            action = text(event.path("status"));
        }
        Map<String, String> attributes = JsonTrees.strings(event.path("Actor").path("Attributes"));
        String id = text(event.path("Actor").path("ID"));
        JsonNode timeNano = event.path("timeNano");
        JsonNode time = event.path("time");
        long nanos = timeNano.isNumber() ? timeNano.longValue() : time.isNumber() ? TimeUnit.SECONDS.toNanos(time.longValue()) : 0L;
        return new EngineEvent(text(event.path("Type")), action, id != null ? id : text(event.path("id")),
                attributes == null ? Map.of() : attributes, nanos);
    }
}
