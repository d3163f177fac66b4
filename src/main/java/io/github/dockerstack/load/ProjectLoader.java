package io.github.dockerstack.load;

import io.github.dockerstack.load.bind.BindContext;
import io.github.dockerstack.load.bind.Binder;
import io.github.dockerstack.load.env.EnvironmentLayers;
import io.github.dockerstack.load.interp.Interpolator;
import io.github.dockerstack.load.validate.Validator;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import io.github.dockerstack.model.Project;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Resolves a compose project as {@code docker compose config} does: environment layers, file
 * selection, project name, per-file stages, merge, defaults, validation, binding, profiles and the
 * service selection. Pure apart from reading files.
 */
public final class ProjectLoader {
    private final Consumer<String> warnings;

    /** @param warnings receives what compose would print as warnings (unset variables, obsolete version) */
    public ProjectLoader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    public Project load(LoadRequest request) {
        Path projectDir = request.projectDirectory().toAbsolutePath().normalize();
        Map<String, String> layered = EnvironmentLayers.resolve(projectDir, request.envFiles(), request.processEnvironment(),
                request.environment());
        List<Path> files = ComposeFiles.select(projectDir, request.files(), layered);
        String name = projectName(request, layered, files, projectDir);

        Map<String, String> env = new LinkedHashMap<>(layered);
        env.put("COMPOSE_PROJECT_NAME", name);
        FilePipeline.Loaded merged = new FileSet(env, warnings).load(files, projectDir);
        Map<String, Object> root = merged.root();
        root.remove("name");
        Defaults.apply(root, projectDir);
        Validator.validate(root, merged.sources());

        List<String> profiles = profiles(request, env);
        Project bound = Binder.bind(root, merged.sources(), new BindContext(name, projectDir, files, env, profiles));
        Project folded = LabelFiles.fold(EnvFiles.fold(bound, env));
        return Selection.apply(folded, profiles, request.services());
    }

    private static List<String> profiles(LoadRequest request, Map<String, String> env) {
        if (!request.profiles().isEmpty()) {
            return request.profiles();
        }
        String fromEnv = env.get("COMPOSE_PROFILES");
        if (fromEnv == null || fromEnv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(fromEnv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Parameter > COMPOSE_PROJECT_NAME > top-level name: (interpolated) > directory name. */
    private String projectName(LoadRequest request, Map<String, String> env, List<Path> files, Path projectDir) {
        if (request.projectName() != null && !request.projectName().isBlank()) {
            return ProjectName.requireValid(request.projectName(), "docker-stack.projectName");
        }
        String fromEnv = env.get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ProjectName.requireValid(fromEnv, "COMPOSE_PROJECT_NAME");
        }
        String fromFile = null;
        for (Path file : files) {
            for (YamlDocument doc : YamlReader.read(file, FilePipeline.content(file))) {
                if (doc.root().get("name") instanceof String n) {
                    fromFile = Interpolator.interpolate(n, env::get);
                }
            }
        }
        String base = fromFile != null && !fromFile.isBlank() ? fromFile : projectDir.getFileName().toString();
        String normalized = ProjectName.normalize(base);
        if (normalized.isEmpty()) {
            throw new ComposeException("cannot derive a project name from '" + base + "': set docker-stack.projectName or a top-level name:");
        }
        return normalized;
    }
}
