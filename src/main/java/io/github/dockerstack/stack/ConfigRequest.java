package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;

/** @param project which project to resolve; @param format how to print it */
public record ConfigRequest(LoadRequest project, Format format) {
    public enum Format {
        YAML, JSON
    }
}
