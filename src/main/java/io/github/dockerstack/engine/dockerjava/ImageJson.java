package io.github.dockerstack.engine.dockerjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.ImageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /images/{reference}/json}, read as a tree: docker-java's InspectImageResponse leaves out
 * {@code Metadata.LastTagTime}, when the image was last pulled or tagged here, which the refresh pull
 * policies need (as {@code docker compose} reads it).
 */
final class ImageInspect {
    /** docker-java's own mapper: no second one to set up in a goal's cold JVM. */
    private static final ObjectMapper JSON = DockerClientConfig.getDefaultObjectMapper();
    /** What the engine writes for an image never tagged since it was loaded. */
    private static final String NEVER = "0001-01-01T00:00:00Z";

    private ImageInspect() {
    }

    static Optional<ImageInfo> read(DockerHttpClient http, String reference) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/images/" + reference + "/json").build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() / 100 != 2) {
                throw new EngineException("inspect image " + reference + ": the engine answered " + response.getStatusCode() + ": "
                        + JSON.readTree(body.readAllBytes()).path("message").asText(""));
            }
            return Optional.of(info(JSON.readTree(body)));
        } catch (IOException e) {
            throw new EngineException("inspect image " + reference + ": " + e.getMessage(), e);
        }
    }

    static ImageInfo info(JsonNode image) {
        List<String> tags = new ArrayList<>();
        image.path("RepoTags").forEach(t -> tags.add(t.asText()));
        Map<String, String> labels = new LinkedHashMap<>();
        image.path("Config").path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        String tagged = text(image.path("Metadata").path("LastTagTime"));
        return new ImageInfo(text(image.path("Id")), tags, labels, text(image.path("Os")), text(image.path("Architecture")),
                DockerJavaEngine.instant(text(image.path("Created"))),
                tagged == null || tagged.equals(NEVER) ? null : DockerJavaEngine.instant(tagged));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
