package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's API through docker-java's transport but not its command layer: reads, answered as
 * JSON trees, and the calls that send no body (start, stop, kill, remove, rename, wait). In a
 * goal's fresh JVM docker-java's commands and typed models cost a JSON mapper's set-up and a bean
 * introspection per class, several hundred milliseconds before the first answer; these cost a few
 * ({@link JsonTrees}). Creates and connects send bodies written the same way ({@link JsonBody});
 * docker-java's commands stay for builds, pulls, logs, exec and archive copies. Also reads fields docker-java's models leave out (an image's
 * LastTagTime).
 */
final class EngineRequests {
    private final DockerHttpClient http;

    EngineRequests(DockerHttpClient http) {
        this.http = http;
    }

    /**
     * {@code GET path}; empty when the engine answers 404.
     *
     * @param operation what is being done, for messages ("inspect container x")
     */
    Optional<JsonNode> get(String operation, String path) {
        return Optional.ofNullable(read(operation, path, false));
    }

    /** {@code GET path}, where 404 is {@link EngineException.NotFound} with the engine's message. */
    JsonNode require(String operation, String path) {
        return read(operation, path, true);
    }

    /**
     * {@code POST} or {@code DELETE} without a body. 304 (already started, already stopped) is
     * success; 404 is {@link EngineException.NotFound} and 409 {@link EngineException.Conflict},
     * with the engine's message.
     *
     * @return the JSON answer; a missing node when there is none
     */
    JsonNode call(String operation, DockerHttpClient.Request.Method method, String path) {
        return exchange(operation, method, path, true);
    }

    /**
     * {@code POST path} with a JSON body (a create or connect); statuses as {@link #call}.
     *
     * @return the JSON answer; a missing node when there is none
     */
    JsonNode post(String operation, String path, byte[] json) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST).path(path)
                .putHeader("Content-Type", "application/json").bodyBytes(json).build();
        return exchange(operation, request, true);
    }

    private JsonNode read(String operation, String path, boolean required) {
        return exchange(operation, DockerHttpClient.Request.Method.GET, path, required);
    }

    private JsonNode exchange(String operation, DockerHttpClient.Request.Method method, String path, boolean required) {
        return exchange(operation, DockerHttpClient.Request.builder().method(method).path(path).build(), required);
    }

    private JsonNode exchange(String operation, DockerHttpClient.Request request, boolean required) {
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            int status = response.getStatusCode();
            if (status == 404 && !required) {
                return null;
            }
            if (status == 304) {
                return MissingNode.getInstance();
            }
            if (status / 100 != 2) {
                throw failure(operation, status, body.readAllBytes());
            }
            return JsonTrees.read(body); // a missing node for an empty answer (a connect's)
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": " + e.getMessage(), e); // the caller translates it, as docker-java's failures
        }
    }

    /** Sends {@code GET path}; the caller reads and closes the answer. */
    static DockerHttpClient.Response send(DockerHttpClient http, String path) {
        return send(http, DockerHttpClient.Request.Method.GET, path);
    }

    private static DockerHttpClient.Response send(DockerHttpClient http, DockerHttpClient.Request.Method method, String path) {
        return http.execute(DockerHttpClient.Request.builder().method(method).path(path).build());
    }

    /** The port's exception for an error answer, worded as {@link Errors} words docker-java's. */
    static EngineException failure(String operation, int status, byte[] body) {
        String reason = (status == 404 || status == 409 ? "" : "the engine answered " + status + ": ") + message(body);
        String message = operation + ": " + reason;
        return status == 404 ? new EngineException.NotFound(message, reason, null)
                : status == 409 ? new EngineException.Conflict(message, reason, null) : new EngineException(message, reason, null);
    }

    /** A query parameter's value, encoded. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The engine's own message in the body of an error answer. */
    static String message(byte[] body) {
        try {
            return JsonTrees.read(body).path("message").asText("");
        } catch (IOException e) {
            return new String(body, StandardCharsets.UTF_8).trim();
        }
    }

    /** The {@code filters} query parameter for label filters ("key=value", or "key" for any value); empty for none. */
    static String labelFilter(Map<String, String> labels) {
        return labels.isEmpty() ? "" : filters(labels, null);
    }

    /** The {@code filters} query parameter: labels as {@link #labelFilter}, and an object type unless null. */
    static String filters(Map<String, String> labels, String type) {
        ObjectNode filters = JsonNodeFactory.instance.objectNode();
        if (type != null) {
            filters.putArray("type").add(type);
        }
        if (!labels.isEmpty()) {
            DockerJavaEngine.labelFilterList(labels).forEach(filters.putArray("label")::add);
        }
        return "filters=" + query(JsonTrees.write(filters, false));
    }
}
