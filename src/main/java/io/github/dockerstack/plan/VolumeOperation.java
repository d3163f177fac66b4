package io.github.dockerstack.plan;

import io.github.dockerstack.engine.VolumeSpec;

/**
 * A named volume of the project.
 *
 * @param action CREATE, KEEP, REUSE or USE
 * @param key its key under {@code volumes:}
 * @param name engine-side name
 * @param cause why
 * @param spec what to create (for CREATE)
 */
public record VolumeOperation(Action action, String key, String name, String cause, VolumeSpec spec) implements Operation {
    @Override
    public String kind() {
        return "volume";
    }
}
