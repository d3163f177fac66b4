package io.github.dockerstack.exec;

/** A container a run created, kept or started: its service, id and name. */
public record ContainerRef(String service, String id, String name) {
}
