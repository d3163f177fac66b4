package io.github.dockerstack.model;

import java.util.Map;

/** @param driver log driver, or null for the engine default; @param options driver options */
public record Logging(String driver, Map<String, String> options) {
    public Logging {
        options = Maps.copy(options);
    }
}
