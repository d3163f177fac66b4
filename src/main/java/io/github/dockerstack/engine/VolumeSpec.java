package io.github.dockerstack.engine;

import java.util.Map;

/** A volume to create: name, driver (null for "local"), driver options, labels. */
public record VolumeSpec(String name, String driver, Map<String, String> options, Map<String, String> labels) {
    public VolumeSpec {
        options = Copies.map(options);
        labels = Copies.map(labels);
    }
}
