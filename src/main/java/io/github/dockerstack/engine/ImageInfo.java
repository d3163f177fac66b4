package io.github.dockerstack.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A local image.
 *
 * @param id image id ("sha256:...")
 * @param repoTags its tags
 * @param labels labels of its config
 * @param os operating system, e.g. "linux"
 * @param architecture architecture, e.g. "amd64"
 * @param created when the image was built (for a pulled image: its build time, not the pull time), or null when unknown
 * @param lastTagged when it was last pulled or tagged on this engine (the engine's {@code Metadata.LastTagTime}), or null
 */
public record ImageInfo(String id, List<String> repoTags, Map<String, String> labels, String os, String architecture,
                        Instant created, Instant lastTagged) {
    public ImageInfo {
        repoTags = Copies.list(repoTags);
        labels = Copies.map(labels);
    }

    public ImageInfo(String id, List<String> repoTags, Map<String, String> labels, String os, String architecture, Instant created) {
        this(id, repoTags, labels, os, architecture, created, null);
    }
}
