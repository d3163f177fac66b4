package io.github.dockerstack.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for, as {@code docker compose} flags express it.
 *
 * @param projectDirectory like {@code --project-directory}; relative paths resolve against it
 * @param files like repeated {@code -f}; empty means COMPOSE_FILE or discovery
 * @param envFiles like repeated {@code --env-file}; empty means {@code .env} in the project directory
 * @param profiles like repeated {@code --profile}; empty means COMPOSE_PROFILES
 * @param projectName like {@code -p}, or null
 * @param services targeted services (with their dependencies); empty means all
 * @param environment the pom's environment, which wins over everything else
 * @param processEnvironment the process environment
 */
public record LoadRequest(Path projectDirectory, List<Path> files, List<Path> envFiles, List<String> profiles, String projectName,
                          List<String> services, Map<String, String> environment, Map<String, String> processEnvironment) {
    public LoadRequest {
        files = List.copyOf(files == null ? List.of() : files);
        envFiles = List.copyOf(envFiles == null ? List.of() : envFiles);
        profiles = List.copyOf(profiles == null ? List.of() : profiles);
        services = List.copyOf(services == null ? List.of() : services);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        processEnvironment = Map.copyOf(processEnvironment == null ? Map.of() : processEnvironment);
    }

    /** A request for the project in {@code dir} with everything else defaulted and no process environment. */
    public static LoadRequest of(Path dir) {
        return new LoadRequest(dir, List.of(), List.of(), List.of(), null, List.of(), Map.of(), Map.of());
    }

    public LoadRequest withFiles(List<Path> newFiles) {
        return new LoadRequest(projectDirectory, newFiles, envFiles, profiles, projectName, services, environment, processEnvironment);
    }

    public LoadRequest withEnvFiles(List<Path> newEnvFiles) {
        return new LoadRequest(projectDirectory, files, newEnvFiles, profiles, projectName, services, environment, processEnvironment);
    }

    public LoadRequest withProfiles(List<String> newProfiles) {
        return new LoadRequest(projectDirectory, files, envFiles, newProfiles, projectName, services, environment, processEnvironment);
    }

    public LoadRequest withProjectName(String name) {
        return new LoadRequest(projectDirectory, files, envFiles, profiles, name, services, environment, processEnvironment);
    }

    public LoadRequest withServices(List<String> newServices) {
        return new LoadRequest(projectDirectory, files, envFiles, profiles, projectName, newServices, environment, processEnvironment);
    }

    public LoadRequest withEnvironment(Map<String, String> pomEnvironment) {
        return new LoadRequest(projectDirectory, files, envFiles, profiles, projectName, services, pomEnvironment, processEnvironment);
    }

    public LoadRequest withProcessEnvironment(Map<String, String> env) {
        return new LoadRequest(projectDirectory, files, envFiles, profiles, projectName, services, environment, env);
    }
}
