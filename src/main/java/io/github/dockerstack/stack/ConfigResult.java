package io.github.dockerstack.stack;

import io.github.dockerstack.model.Project;

/** @param project the resolved project; @param text it, printed as requested */
public record ConfigResult(Project project, String text) {
}
