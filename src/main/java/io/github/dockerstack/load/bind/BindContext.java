package io.github.dockerstack.load.bind;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the binder needs from the loader besides the merged tree.
 *
 * @param projectName the project name, already normalised (also used for {@code <project>_<key>} names)
 * @param workingDir the absolute project directory
 * @param configFiles the compose files loaded, in order
 * @param environment the environment used for interpolation
 * @param profiles the active profiles
 */
public record BindContext(String projectName, Path workingDir, List<Path> configFiles, Map<String, String> environment,
                          List<String> profiles) {
    public BindContext {
        configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
}
