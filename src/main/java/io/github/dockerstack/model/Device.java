package io.github.dockerstack.model;

/** A device mapping: host path, container path, cgroup permissions ("rwm"). */
public record Device(String source, String target, String permissions) {
}
