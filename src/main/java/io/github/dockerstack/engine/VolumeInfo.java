package io.github.dockerstack.engine;

import java.util.Map;

/** A volume as the engine reports it. */
public record VolumeInfo(String name, String driver, String mountpoint, Map<String, String> options, Map<String, String> labels) {
    public VolumeInfo {
        options = Copies.map(options);
        labels = Copies.map(labels);
    }
}
