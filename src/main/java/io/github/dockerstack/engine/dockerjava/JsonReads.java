package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's read answers as JSON trees, through docker-java's transport. docker-java's typed
 * models cost a bean introspection per class on first use, which in a goal's fresh JVM made the
 * snapshot of a stack (a list and an inspect per container) take a few hundred milliseconds; a
 * tree costs a few. Also reads fields docker-java's models leave out (an image's LastTagTime).
 */
final class JsonReads {
    /** docker-java's own mapper: no second one to set up in a goal's cold JVM. */
    static final ObjectMapper JSON = DockerClientConfig.getDefaultObjectMapper();

    private final DockerHttpClient http;

    JsonReads(DockerHttpClient http) {
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

    private JsonNode read(String operation, String path, boolean required) {
        try (DockerHttpClient.Response response = send(http, path); InputStream body = response.getBody()) {
            int status = response.getStatusCode();
            if (status == 404 && !required) {
                return null;
            }
            if (status == 404) {
                throw new EngineException.NotFound(operation + ": " + message(body.readAllBytes()), null);
            }
            if (status / 100 != 2) {
                throw new EngineException(operation + ": the engine answered " + status + ": " + message(body.readAllBytes()));
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": " + e.getMessage(), e); // the caller translates it, as docker-java's failures
        }
    }

    /** Sends {@code GET path}; the caller reads and closes the answer. */
    static DockerHttpClient.Response send(DockerHttpClient http, String path) {
        return http.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build());
    }

    /** The engine's own message in the body of an error answer. */
    static String message(byte[] body) {
        try {
            return JSON.readTree(body).path("message").asText("");
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
        var filters = JSON.createObjectNode();
        if (type != null) {
            filters.putArray("type").add(type);
        }
        if (!labels.isEmpty()) {
            filters.set("label", JSON.valueToTree(DockerJavaEngine.labelFilterList(labels)));
        }
        return "filters=" + URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8);
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** A JSON object of strings as a map; null for a missing or null node (the engine writes null for no labels). */
    static Map<String, String> strings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), text(e.getValue()));
        }
        return map;
    }

    static List<String> textList(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        java.util.ArrayList<String> list = new java.util.ArrayList<>();
        node.forEach(n -> list.add(text(n)));
        return list;
    }
}
