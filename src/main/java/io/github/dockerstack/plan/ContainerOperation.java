package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ContainerInfo;

/**
 * A container of a service (or an orphan).
 *
 * @param action CREATE, KEEP, START, RECREATE or REMOVE
 * @param service its service
 * @param number its replica number (for REMOVE: the label's, 0 when unlabelled)
 * @param name engine-side name
 * @param cause why
 * @param existing the container there is now (KEEP, START, RECREATE, REMOVE), or null
 */
public record ContainerOperation(Action action, String service, int number, String name, String cause, ContainerInfo existing)
        implements Operation {
    @Override
    public String kind() {
        return "container";
    }
}
