package io.github.dockerstack.engine.dockerjava;

import static io.github.dockerstack.engine.dockerjava.JsonTrees.strings;
import static io.github.dockerstack.engine.dockerjava.JsonTrees.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dockerstack.engine.ImageInfo;
import java.util.ArrayList;
import java.util.List;

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
        String tagged = text(image.path("Metadata").path("LastTagTime"));
        return new ImageInfo(text(image.path("Id")), tags, strings(image.path("Config").path("Labels")), text(image.path("Os")), text(image.path("Architecture")),
                instant(text(image.path("Created"))),
                tagged == null || tagged.equals(NEVER) ? null : instant(tagged));
    }

    /** An RFC 3339 time as the engine writes it ("2024-01-02T03:04:05.123456789Z"), or null when absent or unreadable. */
    static java.time.Instant instant(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(rfc3339.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null; // only the refresh pull policies read it: they treat an unknown time as stale
        }
    }
}
