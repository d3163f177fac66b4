package io.github.dockerstack.stack;

import io.github.dockerstack.engine.Engine;

/** Opens an engine connection; the {@link Stack} opens one per call and closes it at the end of the call. */
@FunctionalInterface
public interface EngineFactory {
    Engine open(EngineSettings settings);
}
