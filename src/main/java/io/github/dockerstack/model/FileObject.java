package io.github.dockerstack.model;

import java.util.Map;

/**
 * A top-level secret or config.
 *
 * @param name engine-side name, or null
 * @param file absolute path of the file holding the content, or null
 * @param environment name of the environment variable holding the content, or null
 * @param content inline content (configs only), or null
 * @param external defined outside the project
 * @param labels labels
 * @param extensions x-* attributes
 */
public record FileObject(String name, String file, String environment, String content, boolean external,
                         Map<String, String> labels, Map<String, Object> extensions) {
    public FileObject {
        labels = Maps.copy(labels);
        extensions = Maps.copy(extensions);
    }
}
