package io.github.dockerstack.load.yaml;

import java.nio.file.Path;
import java.util.Map;

/** One parsed YAML document: its untyped tree (mutable, owned by the pipeline) and where each node came from. */
public record YamlDocument(Path file, Map<String, Object> root, SourceMap sources) {
}
