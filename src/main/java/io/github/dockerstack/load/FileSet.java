package io.github.dockerstack.load;

import io.github.dockerstack.load.env.DotEnvParser;
import io.github.dockerstack.load.merge.Merger;
import io.github.dockerstack.load.yaml.Paths;
import io.github.dockerstack.load.yaml.SourceMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Loads a list of compose files into one canonical tree: each file through the per-file stages,
 * {@code extends} and {@code include}, then merged in order (later files override earlier ones).
 */
final class FileSet {
    private static final List<String> RESOURCES = List.of("services", "networks", "volumes", "secrets", "configs");

    private final Map<String, String> environment;
    private final Consumer<String> warnings;
    private final FilePipeline pipeline;
    private final List<Path> includeChain;

    FileSet(Map<String, String> environment, Consumer<String> warnings) {
        this(environment, warnings, List.of());
    }

    private FileSet(Map<String, String> environment, Consumer<String> warnings, List<Path> includeChain) {
        this.environment = environment;
        this.warnings = warnings;
        this.pipeline = new FilePipeline(environment::get, warnings);
        this.includeChain = includeChain;
    }

    /** The merged tree of {@code files}; relative paths resolve against {@code baseDir}. */
    FilePipeline.Loaded load(List<Path> files, Path baseDir) {
        Map<String, Object> merged = null;
        SourceMap sources = new SourceMap(files.get(0));
        for (Path file : files) {
            FilePipeline.Loaded loaded = pipeline.load(file, baseDir);
            new Extends(pipeline).apply(loaded);
            include(loaded);
            merged = merged == null ? Merger.strip(loaded.root(), loaded.sources()) : Merger.merge(merged, loaded.root(), loaded.sources());
            sources.putAll(loaded.sources());
        }
        return new FilePipeline.Loaded(files.get(0), merged, sources);
    }

    private void include(FilePipeline.Loaded loaded) {
        Object includes = loaded.root().remove("include");
        if (!(includes instanceof List<?> entries)) {
            return;
        }
        Path ownDir = loaded.file().getParent();
        for (int i = 0; i < entries.size(); i++) {
            String at = Paths.index("include", i);
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw new ComposeException(loaded.sources().locate(at), at, "an include entry needs 'path:'");
            }
            Map<String, Object> entry = Trees.cast(raw);
            List<Path> paths = new ArrayList<>();
            for (Object p : asList(entry.get("path"))) {
                Path file = ownDir.resolve(String.valueOf(p)).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new ComposeException(loaded.sources().locate(at), at + ".path",
                            "included file " + file + " does not exist; the path is relative to " + ownDir);
                }
                paths.add(file);
            }
            if (paths.isEmpty()) {
                throw new ComposeException(loaded.sources().locate(at), at, "an include entry needs 'path:' naming at least one file");
            }
            for (Path p : paths) {
                if (includeChain.contains(p)) {
                    throw new ComposeException(loaded.sources().locate(at), at, "include cycle through " + p + "; remove one include");
                }
            }
            Path projectDir = entry.get("project_directory") instanceof String d ? ownDir.resolve(d).normalize() : paths.get(0).getParent();
            Map<String, String> env = includedEnvironment(entry, ownDir, projectDir, at, loaded);
            List<Path> chain = new ArrayList<>(includeChain);
            chain.addAll(paths);
            FilePipeline.Loaded sub = new FileSet(env, warnings, chain).load(paths, projectDir);
            importResources(loaded, sub, at);
        }
    }

    /** The including project's environment wins; the included env files only fill gaps (as compose-go does). */
    private Map<String, String> includedEnvironment(Map<String, Object> entry, Path ownDir, Path projectDir, String at,
                                                    FilePipeline.Loaded loaded) {
        List<Path> envFiles = new ArrayList<>();
        boolean explicit = entry.containsKey("env_file");
        if (explicit) {
            asList(entry.get("env_file")).forEach(f -> envFiles.add(ownDir.resolve(String.valueOf(f)).normalize()));
        } else {
            envFiles.add(projectDir.resolve(".env"));
        }
        Map<String, String> fromFiles = new LinkedHashMap<>();
        for (Path f : envFiles) {
            if (!Files.isRegularFile(f)) {
                if (explicit) {
                    throw new ComposeException(loaded.sources().locate(at), at + ".env_file", "env file " + f + " does not exist");
                }
                continue;
            }
            fromFiles.putAll(DotEnvParser.parse(f, FilePipeline.content(f), k -> environment.getOrDefault(k, fromFiles.get(k))));
        }
        Map<String, String> env = new LinkedHashMap<>(fromFiles);
        env.putAll(environment);
        return env;
    }

    private static void importResources(FilePipeline.Loaded into, FilePipeline.Loaded sub, String at) {
        for (String section : RESOURCES) {
            Map<String, Object> imported = Trees.map(sub.root(), section);
            if (imported.isEmpty()) {
                continue;
            }
            Map<String, Object> target = Trees.mapIn(into.root(), section);
            for (Map.Entry<String, Object> e : imported.entrySet()) {
                Object existing = target.get(e.getKey());
                if (existing != null && !Objects.equals(existing, e.getValue())) {
                    String path = Paths.key(section, e.getKey());
                    throw new ComposeException(into.sources().locate(path), path, "'" + e.getKey() + "' is defined both here and in the"
                            + " included project (" + at + "); rename one of them");
                }
                target.put(e.getKey(), e.getValue());
            }
        }
    }

    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }
}
