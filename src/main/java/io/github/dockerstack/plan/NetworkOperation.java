package io.github.dockerstack.plan;

import io.github.dockerstack.engine.NetworkSpec;

/**
 * A network of the project.
 *
 * @param action CREATE, KEEP, REUSE or USE
 * @param key its key under {@code networks:}
 * @param name engine-side name
 * @param cause why
 * @param spec what to create (for CREATE)
 */
public record NetworkOperation(Action action, String key, String name, String cause, NetworkSpec spec) implements Operation {
    @Override
    public String kind() {
        return "network";
    }
}
