package io.github.dockerstack.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Which compose files to load: given ones, COMPOSE_FILE, or discovery with the override file. */
final class ComposeFiles {
    static final List<String> DEFAULT_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
    static final List<String> OVERRIDE_NAMES = List.of("compose.override.yml", "compose.override.yaml", "docker-compose.override.yml",
            "docker-compose.override.yaml");

    private ComposeFiles() {
    }

    static List<Path> select(Path projectDir, List<Path> given, Map<String, String> env) {
        if (!given.isEmpty()) {
            return existing(projectDir, given, "docker-stack.files");
        }
        String composeFile = env.get("COMPOSE_FILE");
        if (composeFile != null && !composeFile.isBlank()) {
            String separator = env.getOrDefault("COMPOSE_PATH_SEPARATOR", java.io.File.pathSeparator);
            List<Path> paths = Arrays.stream(composeFile.split(java.util.regex.Pattern.quote(separator)))
                    .filter(s -> !s.isBlank()).map(Path::of).toList();
            return existing(projectDir, paths, "COMPOSE_FILE");
        }
        List<Path> found = new ArrayList<>();
        first(projectDir, DEFAULT_NAMES).ifPresentOrElse(found::add, () -> {
            throw new ComposeException("no compose file in " + projectDir + ": add a compose.yaml there, or name the files with"
                    + " docker-stack.files (or set docker-stack.projectDirectory)");
        });
        first(projectDir, OVERRIDE_NAMES).ifPresent(found::add);
        return found;
    }

    private static java.util.Optional<Path> first(Path dir, List<String> names) {
        return names.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static List<Path> existing(Path projectDir, List<Path> paths, String source) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            Path abs = projectDir.resolve(p).toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) {
                throw new ComposeException("compose file " + abs + " (from " + source + ") does not exist; check the path, which is"
                        + " relative to the project directory " + projectDir);
            }
            out.add(abs);
        }
        return out;
    }
}
