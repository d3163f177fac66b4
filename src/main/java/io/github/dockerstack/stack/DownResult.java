package io.github.dockerstack.stack;

import java.time.Duration;
import java.util.List;

/**
 * @param project project name
 * @param containersRemoved containers removed
 * @param networksRemoved networks removed
 * @param volumesRemoved volumes removed
 * @param problems what could not be removed, and why
 * @param took how long the call took
 */
public record DownResult(String project, int containersRemoved, int networksRemoved, int volumesRemoved, List<String> problems,
                         Duration took) {
}
