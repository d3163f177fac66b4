package io.github.dockerstack.stack;

import io.github.dockerstack.load.ProjectLoader;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.render.ConfigRenderer;
import java.util.function.Consumer;

/** The facade the mojos call: one method per goal, immutable requests and results, progress as events. */
public final class Stack {
    private final Consumer<StackEvent> events;

    public Stack(Consumer<StackEvent> events) {
        this.events = events;
    }

    /** Resolves the project as {@code docker compose config} does; needs no engine. */
    public ConfigResult config(ConfigRequest request) {
        Project project = new ProjectLoader(w -> events.accept(StackEvent.warn(w))).load(request.project());
        String text = request.format() == ConfigRequest.Format.JSON ? ConfigRenderer.toJson(project) : ConfigRenderer.toYaml(project);
        return new ConfigResult(project, text);
    }
}
