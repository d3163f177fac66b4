package io.github.dockerstack.stack;

import java.time.Duration;
import java.util.List;

/** @param project project name; @param containers the containers stopped or started; @param took how long it took */
public record LifecycleResult(String project, List<String> containers, Duration took) {
}
