package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;
import java.time.Duration;

/**
 * For stop, start and ps.
 *
 * @param project which project
 * @param engine which engine
 * @param waitReady (start) wait as {@code up} does
 * @param waitTimeout (start) deadline of the waits; null for 120 s. Stop uses each service's stop_grace_period (10 s without)
 */
public record LifecycleRequest(LoadRequest project, EngineSettings engine, boolean waitReady, Duration waitTimeout) {
}
