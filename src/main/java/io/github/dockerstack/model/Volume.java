package io.github.dockerstack.model;

import java.util.Map;

/**
 * A top-level named volume.
 *
 * @param name engine-side name: the fixed {@code name:} or {@code <project>_<key>}
 * @param driver driver, or null for "local"
 * @param driverOpts driver options
 * @param external defined outside the project: never created nor removed
 * @param labels labels
 * @param extensions x-* attributes
 */
public record Volume(String name, String driver, Map<String, String> driverOpts, boolean external, Map<String, String> labels,
                     Map<String, Object> extensions) {
    public Volume {
        driverOpts = Maps.copy(driverOpts);
        labels = Maps.copy(labels);
        extensions = Maps.copy(extensions);
    }
}
