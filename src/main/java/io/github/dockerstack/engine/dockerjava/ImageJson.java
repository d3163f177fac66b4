package io.github.dockerstack.engine.dockerjava;

import static io.github.dockerstack.engine.dockerjava.JsonReads.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dockerstack.engine.ImageInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image from {@code GET /images/{reference}/json}, read as a tree: docker-java's InspectImageResponse leaves out
 * {@code Metadata.LastTagTime}, when the image was last pulled or tagged here, which the refresh pull
 * policies need (as {@code docker compose} reads it).
 */
final class ImageJson {
    /** What the engine writes for an image never tagged since it was loaded. */
    private static final String NEVER = "0001-01-01T00:00:00Z";

    private ImageJson() {
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
}
