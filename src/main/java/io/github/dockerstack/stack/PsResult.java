package io.github.dockerstack.stack;

import java.util.List;

/** @param project project name; @param rows one per container, by service then name */
public record PsResult(String project, List<PsRow> rows) {
}
