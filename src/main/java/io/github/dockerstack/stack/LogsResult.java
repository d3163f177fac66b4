package io.github.dockerstack.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param project project name
 * @param files the log file of each container, by container name, in name order; empty when the lines were reported
 */
public record LogsResult(String project, Map<String, Path> files) {
    public LogsResult {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
}
