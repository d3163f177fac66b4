package io.github.dockerstack.maven;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The {@code down} execution this build will run for the stack an {@code up} execution brings up, read
 * from the project's model: only when {@code up} runs inside a lifecycle (not {@code mvn docker-stack:up},
 * which leaves the stack up on purpose) and a requested phase reaches the {@code down}'s phase.
 *
 * @param removeVolumes what that {@code down} is configured to do with the volumes
 */
record DownBinding(boolean removeVolumes) {
    static final String DEFAULT_PHASE = "post-integration-test";
    /** The parameters that decide which stack an execution acts on. */
    private static final List<String> STACK_PARAMETERS = List.of("files", "envFiles", "profiles", "projectName", "projectDirectory");

    /**
     * @param plugin this plugin as the project's build declares it
     * @param upPhase the phase {@code up} runs in, null when invoked as a goal
     * @param upExecutionId the id of {@code up}'s execution
     * @param requested what the build was asked to run ({@code clean}, {@code verify}, {@code docker-stack:up}, ...)
     * @param phases the default lifecycle's phases, in order
     * @param properties user properties over the project's, to read {@code docker-stack.removeVolumes}
     */
    static Optional<DownBinding> find(Plugin plugin, String upPhase, String upExecutionId, List<String> requested, List<String> phases,
                                      Properties properties) {
        if (plugin == null || upPhase == null) {
            return Optional.empty();
        }
        PluginExecution up = plugin.getExecutionsAsMap().get(upExecutionId);
        Xpp3Dom upConfiguration = up == null ? (Xpp3Dom) plugin.getConfiguration() : merged(plugin, up);
        int furthest = requested.stream().mapToInt(phases::indexOf).max().orElse(-1);
        PluginExecution chosen = null;
        for (PluginExecution e : plugin.getExecutions()) {
            if (!e.getGoals().contains("down") || phases.indexOf(e.getPhase() == null ? DEFAULT_PHASE : e.getPhase()) > furthest) {
                continue;
            }
            if (chosen == null || sameStack(merged(plugin, e), upConfiguration)) {
                chosen = e;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        String value = value(merged(plugin, chosen), "removeVolumes");
        if (value == null) {
            value = properties.getProperty("docker-stack.removeVolumes");
        } else if (value.startsWith("${") && value.endsWith("}")) {
            value = properties.getProperty(value.substring(2, value.length() - 1));
        }
        return Optional.of(new DownBinding(Boolean.parseBoolean(value)));
    }

    private static Xpp3Dom merged(Plugin plugin, PluginExecution execution) {
        Xpp3Dom own = (Xpp3Dom) execution.getConfiguration();
        Xpp3Dom shared = (Xpp3Dom) plugin.getConfiguration();
        if (own == null) {
            return shared;
        }
        return shared == null ? own : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(own), new Xpp3Dom(shared));
    }

    private static boolean sameStack(Xpp3Dom down, Xpp3Dom up) {
        return STACK_PARAMETERS.stream().allMatch(p -> String.valueOf(value(down, p)).equals(String.valueOf(value(up, p))));
    }

    /** A parameter's raw value: text, or a list's items joined with commas. */
    private static String value(Xpp3Dom configuration, String name) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
        if (child == null) {
            return null;
        }
        if (child.getChildCount() == 0) {
            return child.getValue() == null ? null : child.getValue().trim();
        }
        StringBuilder joined = new StringBuilder();
        for (Xpp3Dom item : child.getChildren()) {
            joined.append(joined.length() == 0 ? "" : ",").append(item.getValue() == null ? "" : item.getValue().trim());
        }
        return joined.toString();
    }
}
